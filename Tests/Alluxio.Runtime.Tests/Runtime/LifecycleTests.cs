using Alluxio.Runtime.Tests.Grains;
using Alluxio.Testing;
using Alluxio.Testing.Time;
using Xunit;

namespace Alluxio.Runtime.Tests.Runtime;

/// <summary>Idle collection and timers, driven by a manual clock.</summary>
public sealed class LifecycleTests : SiloTest
{
    private readonly ManualTimeProvider _clock = new();

    protected override TimeProvider? Time => _clock;

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Silo:Collection:CollectionAge"] = "00:02:00",
        ["Silo:Collection:CollectionQuantum"] = "00:00:30",
    };

    [Fact]
    public async Task Idle_activations_are_collected_and_reactivate_with_their_persisted_state()
    {
        var grain = Grains.GetGrain<IStateGrain>(Guid.NewGuid());
        await grain.Set("kept");
        var first = await grain.GetActivationId();

        _clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Empty(Probe.Deactivations);
        Assert.Equal(first, await grain.GetActivationId());

        _clock.Advance(TimeSpan.FromMinutes(3));
        await TaskTimeouts.Until(() => Silo.Catalog().ActivationCount == 0, "the idle activation to be collected");

        Assert.Equal("kept", await grain.Get());
        Assert.NotEqual(first, await grain.GetActivationId());
        Assert.Contains("activate-state kept", Probe.Events);
    }

    [Fact]
    public async Task Activity_keeps_an_activation_alive()
    {
        var grain = Grains.GetGrain<ICounterGrain>("busy");
        var first = await grain.GetActivationId();
        for (var i = 0; i < 10; i++)
        {
            _clock.Advance(TimeSpan.FromMinutes(1));
            await grain.Increment();
        }

        Assert.Equal(first, await grain.GetActivationId());
    }

    [Fact]
    public async Task Timers_tick_on_the_grain_and_stop_when_disposed()
    {
        var grain = Grains.GetGrain<ITimerGrain>("t");
        await grain.Start(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1), interleave: false);
        var scheduled = _clock.ScheduledTimerCount;
        for (var i = 1; i <= 3; i++)
        {
            _clock.Advance(TimeSpan.FromSeconds(1));
            var expected = i;
            await TaskTimeouts.Until(() => Probe.Events.Count(e => e == "tick") == expected, $"tick {expected}");

            // The next tick is scheduled only once this one has finished.
            await TaskTimeouts.Until(() => _clock.ScheduledTimerCount == scheduled, $"the timer to be rescheduled after tick {expected}");
        }

        Assert.Equal(3, await grain.Ticks());
        await grain.StopTimer();
        _clock.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal(3, await grain.Ticks());
    }

    [Fact]
    public async Task A_non_interleaving_tick_waits_for_the_running_request()
    {
        var grain = Grains.GetGrain<ITimerGrain>("hold");
        await grain.Start(TimeSpan.FromSeconds(1), Timeout.InfiniteTimeSpan, interleave: false);
        var hold = grain.Hold("h");
        await Probe.Gate("h-held").Task.Within("the request to hold the grain");
        _clock.Advance(TimeSpan.FromSeconds(2));
        Probe.Gate("h").TrySetResult();
        await hold.Within("the holding request");
        await TaskTimeouts.Until(() => Probe.Events.Contains("tick"), "the tick after the request");
        Assert.DoesNotContain("tick-during-hold", Probe.Events);
    }

    [Fact]
    public async Task An_interleaving_tick_runs_during_a_waiting_request()
    {
        var grain = Grains.GetGrain<ITimerGrain>("inter");
        await grain.Start(TimeSpan.FromSeconds(1), Timeout.InfiniteTimeSpan, interleave: true);
        var hold = grain.Hold("g");
        await Probe.Gate("g-held").Task.Within("the request to hold the grain");
        _clock.Advance(TimeSpan.FromSeconds(2));
        await TaskTimeouts.Until(() => Probe.Events.Contains("tick-during-hold"), "the interleaved tick");
        Probe.Gate("g").TrySetResult();
        await hold.Within("the holding request");
    }

    [Fact]
    public async Task Timers_die_with_their_activation()
    {
        var grain = Grains.GetGrain<ITimerGrain>("dies");
        await grain.Start(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1), interleave: false);
        var before = _clock.ScheduledTimerCount;
        _clock.Advance(TimeSpan.FromMinutes(3));
        await TaskTimeouts.Until(() => Silo.Catalog().ActivationCount == 0, "the timer grain to be collected (ticks do not keep it alive)");
        await TaskTimeouts.Until(() => _clock.ScheduledTimerCount == before - 1, "the grain's timer to be disposed with its activation");
        var ticks = Probe.Events.Count(e => e == "tick");
        _clock.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal(ticks, Probe.Events.Count(e => e == "tick"));
    }
}
