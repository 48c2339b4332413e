using Alluxio.Runtime.Tests.Grains;
using Alluxio.Testing;
using Xunit;

namespace Alluxio.Runtime.Tests.Runtime;

public sealed class TurnTests : SiloTest
{
    [Fact]
    public async Task A_non_reentrant_grain_runs_requests_one_at_a_time_in_arrival_order()
    {
        var grain = Grains.GetGrain<ITurnGrain>(1);
        var calls = new List<Task>();
        for (var i = 0; i < 20; i++)
        {
            calls.Add(grain.Work(i));
        }

        await Task.WhenAll(calls).Within("20 yielding calls");
        Assert.Equal(1, await grain.MaxInFlight());
        var expected = Enumerable.Range(0, 20).SelectMany(i => new[] { $"start {i}", $"end {i}" });
        Assert.Equal(expected, Probe.Events);
    }

    [Fact]
    public async Task A_reentrant_grain_interleaves_at_awaits()
    {
        var grain = Grains.GetGrain<IReentrantTurnGrain>(1);
        var waiting = grain.WaitForGate("r");
        await TaskTimeouts.Until(() => Probe.MaxInFlight == 1, "the first call to be waiting");
        await grain.OpenGate("r").Within("a second call while the first one waits");
        await waiting.Within("the first call after the gate opened");
    }

    [Fact]
    public async Task A_non_reentrant_grain_holds_other_requests_until_the_turn_ends()
    {
        var grain = Grains.GetGrain<ITurnGrain>(2);
        var waiting = grain.WaitForGate("n");
        await TaskTimeouts.Until(() => Probe.MaxInFlight == 1, "the first call to be waiting");
        var opener = grain.OpenGate("n");

        // The opener is queued behind the waiter, so the waiter can only end by its 1 s response timeout...
        var e = await Assert.ThrowsAsync<TimeoutException>(() => waiting);
        Assert.Contains("WaitForGate", e.Message);

        // ...and the grain stays inside the waiter's turn (a timed-out caller does not abort grain code).
        Assert.False(opener.IsCompleted);
        Assert.False(Probe.Gate("n").Task.IsCompleted);
        Probe.Gate("n").TrySetResult();
        await opener.Within("the queued call once the waiter's turn ended");
    }

    [Fact]
    public async Task AlwaysInterleave_methods_run_alongside_a_waiting_request()
    {
        var grain = Grains.GetGrain<ITurnGrain>(3);
        var waiting = grain.WaitForGate("i");
        await TaskTimeouts.Until(() => Probe.MaxInFlight == 1, "the first call to be waiting");
        await grain.OpenGateInterleaved("i").Within("the interleaving call");
        await waiting.Within("the waiting call after the gate opened");
    }

    [Fact]
    public async Task ReadOnly_requests_share_the_grain_with_each_other()
    {
        var grain = Grains.GetGrain<ITurnGrain>(4);
        var readers = Enumerable.Range(0, 3).Select(_ => grain.ReadWhileGated("ro")).ToList();
        await TaskTimeouts.Until(() => Probe.MaxInFlight == 3, "three read-only calls in flight together");
        Probe.Gate("ro").TrySetResult();
        var seen = await Task.WhenAll(readers).Within("read-only calls");
        Assert.All(seen, s => Assert.Equal(3, s));
    }

    [Fact]
    public async Task A_writer_waits_for_running_readers_and_readers_wait_for_a_running_writer()
    {
        var grain = Grains.GetGrain<ITurnGrain>(5);
        var writer = grain.WaitForGate("w");
        await TaskTimeouts.Until(() => Probe.MaxInFlight == 1, "the writer to be waiting");
        var reader = grain.ReadWhileGated("r2");
        Probe.Gate("r2").TrySetResult();
        Probe.Gate("w").TrySetResult();
        await writer.Within("the writer");
        Assert.Equal(1, await reader.Within("the reader queued behind the writer"));
    }
}
