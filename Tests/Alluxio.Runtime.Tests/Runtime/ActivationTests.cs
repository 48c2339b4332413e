using Alluxio.Runtime.Tests.Grains;
using Alluxio.Testing;
using Xunit;

namespace Alluxio.Runtime.Tests.Runtime;

public sealed class ActivationTests : SiloTest
{
    [Fact]
    public async Task Concurrent_first_calls_create_exactly_one_activation()
    {
        var callers = Enumerable.Range(0, 200)
            .Select(_ => Task.Run(() => Grains.GetGrain<ICounterGrain>("single").Increment()))
            .ToList();
        var results = await Task.WhenAll(callers).Within("200 concurrent first calls");

        Assert.Equal(Enumerable.Range(1, 200), results.Order());
        Assert.Equal(1, Probe.Activations["counter/single"]);
        var ids = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Grains.GetGrain<ICounterGrain>("single").GetActivationId()));
        Assert.Single(ids.Distinct());
    }

    [Fact]
    public async Task Different_keys_are_different_activations_with_their_own_state()
    {
        await Grains.GetGrain<ICounterGrain>("a").Increment();
        await Grains.GetGrain<ICounterGrain>("a").Increment();
        await Grains.GetGrain<ICounterGrain>("b").Increment();
        Assert.Equal(2, await Grains.GetGrain<ICounterGrain>("a").Get());
        Assert.Equal(1, await Grains.GetGrain<ICounterGrain>("b").Get());
        Assert.Equal("a", await Grains.GetGrain<ICounterGrain>("a").GetKey());
    }

    [Fact]
    public async Task DeactivateOnIdle_runs_OnDeactivateAsync_and_the_next_call_gets_a_new_activation()
    {
        var grain = Grains.GetGrain<ICounterGrain>("cycle");
        await grain.Increment();
        var first = await grain.GetActivationId();
        await grain.Deactivate();
        var second = await grain.GetActivationId();

        Assert.NotEqual(first, second);
        Assert.Equal(0, await grain.Get());
        Assert.Equal(1, Probe.Deactivations["counter/cycle"]);
        Assert.Contains("deactivate cycle ApplicationRequested", Probe.Events);
    }

    [Fact]
    public async Task Calls_queued_behind_a_deactivation_go_to_the_next_activation()
    {
        var grain = Grains.GetGrain<ICounterGrain>("handoff");
        await grain.Increment();
        var deactivate = grain.Deactivate();
        var after = Enumerable.Range(0, 50).Select(_ => grain.Increment()).ToList();
        await deactivate;
        var values = await Task.WhenAll(after).Within("calls queued behind a deactivation");

        // Each call ran exactly once, on one activation or the next; nothing was lost or duplicated.
        Assert.Equal(50, values.Length);
        Assert.InRange(await grain.Get(), 1, 51);
    }

    [Fact]
    public async Task A_failed_activation_fails_its_callers_and_the_next_call_retries()
    {
        var grain = Grains.GetGrain<IFailingActivationGrain>("flaky");
        var e = await Assert.ThrowsAsync<InvalidDataException>(() => grain.Hello());
        Assert.Equal("first activation fails", e.Message);
        Assert.Equal("hello", await grain.Hello());
    }

    [Fact]
    public async Task Poco_grains_get_their_context_and_can_call_other_grains()
    {
        var grain = Grains.GetGrain<IPocoGrain>("p1");
        Assert.Equal("poco/p1 activated=True", await grain.Describe());
        Assert.Equal("p1 -> poco/p2 activated=True", await grain.AskFriend("p2"));
    }

    [Fact]
    public async Task Grains_call_grains_in_a_chain()
    {
        Assert.Equal(Enumerable.Range(0, 51).Sum(), await Grains.GetGrain<IChainGrain>(50).SumDown());
    }

    [Fact]
    public async Task Keys_of_every_kind_reach_the_grain()
    {
        var guid = Guid.NewGuid();
        Assert.Equal(guid, await Grains.GetGrain<IGuidKeyGrain>(guid).Key());
        Assert.Equal(-42L, await Grains.GetGrain<IIntKeyGrain>(-42).Key());
        Assert.Equal((guid, "ext"), await Grains.GetGrain<IGuidCompoundGrain>(guid, "ext").Key());
        Assert.Equal((7L, "a+b"), await Grains.GetGrain<IIntCompoundGrain>(7, "a+b").Key());
        var reference = Grains.GetGrain<IIntCompoundGrain>(7, "x");
        Assert.Equal("int-compound/0000000000000007+x", reference.GetGrainId().ToString());
        Assert.Equal(reference, Grains.GetGrain<IIntCompoundGrain>(7, "x"));
    }

    [Fact]
    public async Task Several_implementations_are_chosen_by_class_name_prefix()
    {
        var e = Assert.Throws<ArgumentException>(() => Grains.GetGrain<IGreeter>("x"));
        Assert.Contains("grainClassNamePrefix", e.Message);
        Assert.Equal("bonjour", await Grains.GetGrain<IGreeter>("x", "Alluxio.Runtime.Tests.Grains.French").Greet());
        Assert.Equal("hello", await Grains.GetGrain<IGreeter>("x", "Alluxio.Runtime.Tests.Grains.English").Greet());
    }

    [Fact]
    public async Task Stateless_workers_spread_concurrent_calls_over_at_most_their_limit()
    {
        var worker = Grains.GetGrain<IWorkerGrain>(0);
        var calls = Enumerable.Range(0, 10).Select(_ => worker.Work("workers")).ToList();
        await TaskTimeouts.Until(() => Probe.MaxInFlight >= 3, "three stateless workers running at once");
        Probe.Gate("workers").TrySetResult();
        var activations = await Task.WhenAll(calls).Within("stateless worker calls");

        Assert.Equal(3, activations.Distinct().Count());
        Assert.Equal(3, Probe.MaxInFlight);
    }
}
