using Alluxio.Runtime.Tests.Grains;
using Alluxio.Testing;
using Xunit;

namespace Alluxio.Runtime.Tests.Runtime;

/// <summary>With a batch limit of one item, every turn ends by requeueing the activation: order and exclusion must hold.</summary>
public sealed class SmallBatchTests : SiloTest
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Silo:Messaging:MaxItemsPerTurnBatch"] = "1",
    };

    [Fact]
    public async Task Requeued_activations_keep_turn_order_and_exclusion()
    {
        var grain = Grains.GetGrain<ITurnGrain>(10);
        var calls = Enumerable.Range(0, 200).Select(i => grain.Work(i)).ToList();
        var counters = Enumerable.Range(0, 200).Select(_ => Grains.GetGrain<ICounterGrain>("batch").Increment()).ToList();
        await Task.WhenAll(calls).Within("200 yielding calls with a batch limit of 1");
        var values = await Task.WhenAll(counters).Within("200 counter calls with a batch limit of 1");

        Assert.Equal(1, await grain.MaxInFlight());
        Assert.Equal(Enumerable.Range(0, 200).SelectMany(i => new[] { $"start {i}", $"end {i}" }), Probe.Events);
        Assert.Equal(Enumerable.Range(1, 200), values.Order());
    }
}
