using System.Diagnostics;
using Alluxio.RocksDb;
using Alluxio.Runtime;

namespace Alluxio.Bench.Runtime;

/// <summary>Durable grain-state writes through the RocksDB provider versus raw synced RocksDB puts.</summary>
internal static class StateWriteBenchmark
{
    public static async Task<double> GrainWritesPerSecond(IGrainFactory factory, int writers, TimeSpan duration)
    {
        var refs = Enumerable.Range(0, writers).Select(i => factory.GetGrain<IBenchStateGrain>(i)).ToArray();
        await Task.WhenAll(refs.Select(r => r.Write(0)));
        var stop = false;
        var counts = new long[writers];
        var start = Stopwatch.GetTimestamp();
        var tasks = Enumerable.Range(0, writers).Select(w => Task.Run(async () =>
        {
            long n = 0;
            while (!Volatile.Read(ref stop))
            {
                await refs[w].Write((int)n);
                n++;
            }

            counts[w] = n;
        })).ToArray();
        await Task.Delay(duration);
        Volatile.Write(ref stop, true);
        await Task.WhenAll(tasks);
        return counts.Sum() / Stopwatch.GetElapsedTime(start).TotalSeconds;
    }

    /// <summary>Synced puts from one thread, one per fsync: the floor group commit has to beat.</summary>
    public static double RawSyncedPutsPerSecond(string path, int batchSize, TimeSpan duration)
    {
        using var db = Alluxio.RocksDb.RocksDb.Open(path, new RocksDbOptions { CreateIfMissing = true });
        var value = new byte[64];
        using var batch = new WriteBatch();
        var key = new byte[16];
        long n = 0;
        var start = Stopwatch.GetTimestamp();
        while (Stopwatch.GetElapsedTime(start) < duration)
        {
            batch.Clear();
            for (var i = 0; i < batchSize; i++)
            {
                BitConverter.TryWriteBytes(key, n++);
                batch.Put(key, value);
            }

            db.Write(batch, WriteOptions.Synced);
        }

        return n / Stopwatch.GetElapsedTime(start).TotalSeconds;
    }
}
