using System.Diagnostics;
using Alluxio.Metastore.Journal.Log;

namespace Alluxio.Bench.Journal;

/// <summary>One timed run: appends batches of fixed-size records to a fresh log for a while.</summary>
internal static class AppendBenchmark
{
    /// <summary>Appends for <paramref name="duration"/>; returns records/s and appends (= fsyncs when durable)/s.</summary>
    public static (double RecordsPerSecond, double AppendsPerSecond) Run(string directory, int batchSize, int recordSize, bool fsync, TimeSpan duration)
    {
        var payload = new byte[recordSize];
        Random.Shared.NextBytes(payload);
        var batch = new JournalRecord[batchSize];
        using var log = SegmentedJournalLog.Open(directory, new JournalLogOptions { FsyncEnabled = fsync });
        long next = 1, appends = 0;
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < duration)
        {
            for (var i = 0; i < batchSize; i++)
            {
                batch[i] = new JournalRecord(next + i, payload);
            }

            log.Append(batch);
            next += batchSize;
            appends++;
        }

        var seconds = clock.Elapsed.TotalSeconds;
        return ((next - 1) / seconds, appends / seconds);
    }

    /// <summary>The device's limit: a bare positional write of one record followed by fsync, in a loop.</summary>
    public static double RawFsyncsPerSecond(string directory, int recordSize, TimeSpan duration)
    {
        Directory.CreateDirectory(directory);
        var data = new byte[recordSize + 20];
        using var handle = File.OpenHandle(Path.Combine(directory, "raw.bin"), FileMode.Create, FileAccess.ReadWrite);
        long offset = 0, syncs = 0;
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < duration)
        {
            RandomAccess.Write(handle, data, offset);
            RandomAccess.FlushToDisk(handle);
            offset += data.Length;
            syncs++;
        }

        return syncs / clock.Elapsed.TotalSeconds;
    }
}
