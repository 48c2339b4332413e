using System.Diagnostics;

namespace Alluxio.Bench.Metadata;

/// <summary>Runs an operation from N concurrent callers, each one call at a time, over a fixed set of work items.</summary>
internal static class Load
{
    /// <summary>Runs <paramref name="operation"/> once per item (items split across callers); returns ops/s.</summary>
    public static async Task<double> RunItemsAsync(int callers, int items, Func<int, Task> operation)
    {
        var next = -1;
        var start = Stopwatch.GetTimestamp();
        await Task.WhenAll(Enumerable.Range(0, callers).Select(_ => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < items)
            {
                await operation(i);
            }
        })));
        return items / Stopwatch.GetElapsedTime(start).TotalSeconds;
    }

    /// <summary>Runs <paramref name="operation"/> for <paramref name="duration"/>; returns ops/s.</summary>
    public static async Task<double> RunForAsync(int callers, TimeSpan duration, Func<int, long, Task> operation)
    {
        var stop = false;
        var counts = new long[callers];
        var start = Stopwatch.GetTimestamp();
        var tasks = Enumerable.Range(0, callers).Select(c => Task.Run(async () =>
        {
            long n = 0;
            while (!Volatile.Read(ref stop))
            {
                await operation(c, n++);
            }

            counts[c] = n;
        })).ToArray();
        await Task.Delay(duration);
        Volatile.Write(ref stop, true);
        await Task.WhenAll(tasks);
        return counts.Sum() / Stopwatch.GetElapsedTime(start).TotalSeconds;
    }
}
