using Alluxio.Metastore.Journal.Log;

namespace Alluxio.Metastore.Tests.Journal;

/// <summary>Readers running while the single writer appends.</summary>
public sealed class ConcurrencyTests
{
    [Fact]
    public async Task Concurrent_readers_see_a_consistent_prefix_while_appending()
    {
        using var dir = new LogDirectory();
        using var log = dir.Open(segmentSize: 4096, fsync: false);
        const long total = 5000;
        using var stop = new CancellationTokenSource();

        var writer = Task.Run(() =>
        {
            var random = new Random(1234);
            long next = 1;
            while (next <= total)
            {
                var count = (int)Math.Min(random.Next(1, 20), total - next + 1);
                log.Append(Records.Batch(next, count));
                next += count;
            }
        });

        var readers = Enumerable.Range(0, 2).Select(r => Task.Run(() =>
        {
            var passes = 0;
            var longest = 0L;
            while (passes < 3 || !writer.IsCompleted)
            {
                var durableBefore = log.LastSequence;
                var from = r == 0 ? 1 : Math.Max(1, durableBefore - 50);
                var expected = from;
                foreach (var record in log.ReadFrom(from))
                {
                    Assert.Equal(expected, record.Sequence);
                    Assert.True(Records.Payload(expected).AsSpan().SequenceEqual(record.Payload.Span), $"payload of record {expected} differs");
                    expected++;
                }

                var seen = expected - 1;
                Assert.True(seen >= durableBefore, $"a read from {from} ended at {seen}, before {durableBefore} which was durable when it started");
                Assert.True(seen <= log.LastSequence, $"a read saw {seen}, beyond the durable end {log.LastSequence}");
                longest = Math.Max(longest, seen);
                passes++;
            }

            return longest;
        })).ToArray();

        await writer.Within("the writer to append all records");
        await Task.WhenAll(readers).Within("the readers to finish their passes");
        Assert.All(readers, r => Assert.Equal(total, r.Result));
        Records.AssertRange(log, 1, total);
    }

    [Fact]
    public async Task A_reader_never_sees_a_batch_before_its_fsync_returns()
    {
        using var dir = new LogDirectory();
        var fileSystem = new FaultyFileSystem();
        using var log = dir.Open(fileSystem: fileSystem);
        Records.AppendRange(log, 1, 10);

        using var inFlush = new ManualResetEventSlim();
        using var release = new ManualResetEventSlim();
        fileSystem.BeforeFlush = () =>
        {
            inFlush.Set();
            release.Wait("the test to release the held fsync");
        };

        var append = Task.Run(() => log.Append(Records.Batch(11, 5)));
        inFlush.Wait("the append to reach its fsync");

        // The batch's bytes are in the file, but it is not durable yet: readers must not see it.
        Assert.Equal(10, log.LastSequence);
        Records.AssertRange(log, 1, 10);
        var tailing = log.ReadFrom(9).GetEnumerator();
        Assert.True(tailing.MoveNext());
        Assert.True(tailing.MoveNext());
        Assert.Equal(10, tailing.Current.Sequence);

        release.Set();
        await append.Within("the held append to complete");
        fileSystem.BeforeFlush = null;

        // A reader reaching the end only after the fsync sees the batch.
        Assert.True(tailing.MoveNext());
        Assert.Equal(11, tailing.Current.Sequence);
        tailing.Dispose();
        Records.AssertRange(log, 1, 15);
    }

    [Fact]
    public async Task Readers_keep_working_while_old_segments_are_truncated()
    {
        using var dir = new LogDirectory();
        using var log = dir.Open(segmentSize: 2048, fsync: false);
        Records.AppendRange(log, 1, 200, perBatch: 5);

        // A reader already inside the oldest segment keeps its handle: it reads that segment to its end even after the
        // file is deleted, then fails clearly because the next records are gone.
        JournalLogFormat.TryParseSegmentFileName(Path.GetFileName(dir.Segments()[1]), out var secondFirst);
        var early = log.ReadFrom(1).GetEnumerator();
        Assert.True(early.MoveNext());

        var writer = Task.Run(() =>
        {
            for (long next = 201; next <= 2000; next += 10)
            {
                log.Append(Records.Batch(next, 10));
                log.TruncatePrefix(next - 100);
            }
        });

        var reader = Task.Run(() =>
        {
            var reads = 0;
            while (!writer.IsCompleted || reads == 0)
            {
                var from = Math.Max(log.FirstSequence, log.LastSequence - 30);
                long expected;
                try
                {
                    expected = from;
                    foreach (var record in log.ReadFrom(from))
                    {
                        Assert.Equal(expected, record.Sequence);
                        Assert.True(Records.Payload(expected++).AsSpan().SequenceEqual(record.Payload.Span));
                    }
                }
                catch (Exception e) when (e is ArgumentOutOfRangeException or JournalLogException)
                {
                    // The tail moved past `from` between the two reads of the bounds, or the segment was dropped
                    // under the reader: both are documented outcomes, not inconsistencies.
                    Assert.Contains("truncated", e.Message);
                }

                reads++;
            }

            return reads;
        });

        await writer.Within("the writer to append and truncate");
        Assert.True(await reader.WaitAsync(Waits.Limit) > 0);
        var earlyCount = 1L;
        var gone = Assert.Throws<JournalLogException>(() =>
        {
            while (early.MoveNext())
            {
                Assert.Equal(++earlyCount, early.Current.Sequence);
            }
        });
        early.Dispose();
        Assert.Contains("truncated", gone.Message);
        Assert.Equal(secondFirst - 1, earlyCount);
        Records.AssertRange(log, log.FirstSequence, 2000);
    }
}
