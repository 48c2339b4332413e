using System.Diagnostics;
using Alluxio.Runtime;

namespace Alluxio.Bench.Runtime;

/// <summary>In-silo grain calls: N grains, C concurrent callers each awaiting one call at a time.</summary>
internal static class GrainCallBenchmark
{
    public static async Task<(double CallsPerSecond, double P50Us, double P99Us, double BytesPerCall, int Gen0)> RunAsync(IGrainFactory factory, int grains, int callers, TimeSpan duration)
    {
        var refs = Enumerable.Range(0, grains).Select(i => factory.GetGrain<IBenchGrain>(i)).ToArray();
        await Task.WhenAll(refs.Select(r => r.Ping(0)));

        var stop = false;
        var samples = new List<long>[callers];
        var counts = new long[callers];
        var allocated = GC.GetTotalAllocatedBytes(precise: false);
        var gen0 = GC.CollectionCount(0);
        var start = Stopwatch.GetTimestamp();
        var tasks = Enumerable.Range(0, callers).Select(c => Task.Run(async () =>
        {
            var mine = samples[c] = new List<long>(1 << 16);
            var rng = new Random(c);
            long n = 0;
            while (!Volatile.Read(ref stop))
            {
                var grain = refs[rng.Next(refs.Length)];
                if ((n & 15) == 0)
                {
                    var t0 = Stopwatch.GetTimestamp();
                    await grain.Ping(1);
                    mine.Add(Stopwatch.GetTimestamp() - t0);
                }
                else
                {
                    await grain.Ping(1);
                }

                n++;
            }

            counts[c] = n;
        })).ToArray();

        await Task.Delay(duration);
        Volatile.Write(ref stop, true);
        await Task.WhenAll(tasks);
        var elapsed = Stopwatch.GetElapsedTime(start);
        var bytes = GC.GetTotalAllocatedBytes(precise: false) - allocated;
        var all = samples.SelectMany(s => s).Order().ToArray();
        var calls = counts.Sum();
        return (calls / elapsed.TotalSeconds, Stats.Percentile(all, 0.5), Stats.Percentile(all, 0.99), (double)bytes / calls, GC.CollectionCount(0) - gen0);
    }
}
