using Alluxio.Runtime.Tests.Grains;
using Alluxio.Testing;
using Xunit;

namespace Alluxio.Runtime.Tests.Runtime;

public sealed class AsyncEnumerableTests : SiloTest
{
    [Fact]
    public async Task All_items_arrive_in_order_across_batches()
    {
        var items = new List<int>();
        await foreach (var i in Grains.GetGrain<IStreamGrain>("s").Range(1000))
        {
            items.Add(i);
        }

        Assert.Equal(Enumerable.Range(0, 1000), items);
        await Probe.Gate("range-finally").Task.Within("the grain's enumerator to be disposed at the end");
    }

    [Fact]
    public async Task Each_enumeration_runs_the_method_again()
    {
        var grain = Grains.GetGrain<IStreamGrain>("again");
        var sequence = grain.Range(3);
        Assert.Equal([0, 1, 2], await sequence.ToListAsync());
        Assert.Equal([0, 1, 2], await sequence.ToListAsync());
    }

    [Fact]
    public async Task Stopping_early_disposes_the_grains_enumerator()
    {
        await foreach (var i in Grains.GetGrain<IStreamGrain>("early").Range(100_000))
        {
            if (i == 5)
            {
                break;
            }
        }

        await Probe.Gate("range-finally").Task.Within("the grain's enumerator to be disposed after break");
        Assert.Equal(6, await Grains.GetGrain<IStreamGrain>("early").Ping());
    }

    [Fact]
    public async Task An_exception_in_the_grains_enumerator_reaches_the_caller_after_the_items()
    {
        var received = new List<int>();
        var e = await Assert.ThrowsAsync<InvalidOperationException>(async () =>
        {
            await foreach (var i in Grains.GetGrain<IStreamGrain>("fail").RangeThenFail(3))
            {
                received.Add(i);
            }
        });
        Assert.Equal("stream broke", e.Message);
        Assert.Equal([0, 1, 2], received);
    }

    [Fact]
    public async Task Cancelling_the_enumeration_stops_it()
    {
        using var cts = new CancellationTokenSource();
        var count = 0;
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var i in Grains.GetGrain<IStreamGrain>("cancel").Slow(1_000_000, cts.Token))
            {
                if (++count == 10)
                {
                    cts.Cancel();
                }
            }
        }).Within("the cancelled enumeration");
        Assert.InRange(count, 10, 10 + 128);
        Assert.Equal(6, await Grains.GetGrain<IStreamGrain>("cancel").Ping());
    }

    [Fact]
    public async Task Streamed_items_are_copies()
    {
        var lists = await Grains.GetGrain<IStreamGrain>("copies").Lists(2).ToListAsync();
        lists[0].Add(100);
        Assert.Equal([1, 2, 3], lists[1]);
        Assert.Equal(6, await Grains.GetGrain<IStreamGrain>("copies").Ping());
    }
}

internal static class AsyncEnumerableExtensions
{
    public static async Task<List<T>> ToListAsync<T>(this IAsyncEnumerable<T> source)
    {
        var list = new List<T>();
        await foreach (var item in source)
        {
            list.Add(item);
        }

        return list;
    }
}
