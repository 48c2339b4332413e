using Alluxio.Metastore.Journal.Log;

namespace Alluxio.Metastore.Tests.Journal;

public sealed class TruncateTests
{
    private const long SegmentSize = 1024;

    [Fact]
    public void TruncatePrefix_drops_whole_segments_at_or_below_the_mark_and_keeps_everything_above()
    {
        using var dir = new LogDirectory();
        using var log = dir.Open(SegmentSize);
        Records.AppendRange(log, 1, 120, perBatch: 2);
        var segmentsBefore = dir.Segments();

        log.TruncatePrefix(45);

        Assert.True(log.FirstSequence <= 46, $"record 46 must be kept, but the first retained is {log.FirstSequence}");
        Assert.True(log.FirstSequence > 1, "at least one segment should have gone");
        Records.AssertRange(log, log.FirstSequence, 120);
        var remaining = dir.Segments();
        Assert.True(remaining.Length < segmentsBefore.Length);
        Assert.Equal(JournalLogFormat.SegmentFileName(log.FirstSequence), Path.GetFileName(remaining[0]));

        var first = log.FirstSequence;
        log.Dispose();
        using var reopened = dir.Open(SegmentSize);
        Assert.Equal(first, reopened.FirstSequence);
        Records.AssertRange(reopened, reopened.FirstSequence, 120);
    }

    [Fact]
    public void TruncatePrefix_never_deletes_the_active_segment()
    {
        using var dir = new LogDirectory();
        using var log = dir.Open(SegmentSize);
        Records.AppendRange(log, 1, 100);
        var active = dir.Segments()[^1];
        JournalLogFormat.TryParseSegmentFileName(Path.GetFileName(active), out var activeFirst);

        log.TruncatePrefix(long.MaxValue);

        Assert.Equal([active], dir.Segments());
        Assert.Equal(activeFirst, log.FirstSequence);
        Assert.Equal(100, log.LastSequence);
        Records.AssertRange(log, activeFirst, 100);
        Records.AppendRange(log, 101, 110);
        Records.AssertRange(log, activeFirst, 110);
    }

    [Fact]
    public void TruncatePrefix_below_the_first_segment_end_changes_nothing()
    {
        using var dir = new LogDirectory();
        using var log = dir.Open(SegmentSize);
        Records.AppendRange(log, 1, 100);
        var before = dir.Segments();
        log.TruncatePrefix(1);
        log.TruncatePrefix(0);
        Assert.Equal(before, dir.Segments());
        Assert.Equal(1, log.FirstSequence);
    }

    [Fact]
    public void TruncateSuffix_then_append_continues_at_the_right_sequence_and_survives_reopen()
    {
        using var dir = new LogDirectory();
        using (var log = dir.Open(SegmentSize))
        {
            Records.AppendRange(log, 1, 100, perBatch: 5);
            log.TruncateSuffix(57);

            Assert.Equal(57, log.LastSequence);
            Records.AssertRange(log, 1, 57);
            var error = Assert.Throws<ArgumentException>(() => log.Append(Records.Batch(101, 1)));
            Assert.Contains("start at sequence 58", error.Message);

            Records.AppendRange(log, 58, 70, perBatch: 3, variant: 1);
            Assert.Equal(Records.Payload(58, variant: 1), log.ReadFrom(58).First().Payload.ToArray());
        }

        using (var log = dir.Open(SegmentSize))
        {
            Assert.Empty(dir.Events);
            Assert.Equal(70, log.LastSequence);
            Records.AssertPrefix(log, 1, 57);
            Assert.Equal(
                Enumerable.Range(58, 13).Select(s => Convert.ToHexString(Records.Payload(s, variant: 1))),
                log.ReadFrom(58).Select(r => Convert.ToHexString(r.Payload.Span)));
        }
    }

    [Fact]
    public void TruncateSuffix_inside_a_batch_keeps_the_batch_prefix_across_reopen()
    {
        using var dir = new LogDirectory();
        using (var log = dir.Open())
        {
            log.Append(Records.Batch(1, 10));
            log.TruncateSuffix(4);
            log.Append(Records.Batch(5, 2, variant: 1));
        }

        using var reopened = dir.Open();
        Assert.Empty(dir.Events);
        Assert.Equal(6, reopened.LastSequence);
        Records.AssertPrefix(reopened, 1, 4);
        Records.AssertRange(reopened, 5, 6, variant: 1);
    }

    [Fact]
    public void TruncateSuffix_at_every_point_leaves_a_log_that_reopens_to_that_point()
    {
        using var dir = new LogDirectory();
        for (long after = 0; after <= 40; after += 3)
        {
            using (var log = dir.Open(SegmentSize))
            {
                log.Reset(1);
                Records.AppendRange(log, 1, 40, perBatch: 4);
                log.TruncateSuffix(after);
                Assert.Equal(after, log.LastSequence);
            }

            using (var log = dir.Open(SegmentSize))
            {
                Assert.Empty(dir.Events);
                Assert.Equal(after, log.LastSequence);
                Assert.Equal(1, log.FirstSequence);
                Records.AssertRange(log, 1, after);
                var segments = dir.Segments();
                Assert.All(segments.Skip(1), s => Assert.True(new FileInfo(s).Length > 32, $"{s} is an empty segment left behind"));
            }
        }
    }

    [Fact]
    public void TruncateSuffix_to_just_below_the_first_record_empties_the_log()
    {
        using var dir = new LogDirectory();
        using var log = dir.Open(SegmentSize);
        Records.AppendRange(log, 1, 100);
        log.TruncatePrefix(50);
        var first = log.FirstSequence;

        log.TruncateSuffix(first - 1);

        Assert.Equal(first - 1, log.LastSequence);
        Assert.Equal(first, log.FirstSequence);
        Assert.Empty(log.ReadFrom(first));
        Assert.Throws<ArgumentOutOfRangeException>(() => log.TruncateSuffix(first - 2));
        log.Append(Records.Batch(first, 1));
        Records.AssertRange(log, first, first);
    }

    [Fact]
    public void TruncateSuffix_at_or_above_the_end_is_a_no_op()
    {
        using var dir = new LogDirectory();
        using var log = dir.Open();
        Records.AppendRange(log, 1, 10);
        var before = File.ReadAllBytes(dir.Segments()[0]);
        log.TruncateSuffix(10);
        log.TruncateSuffix(99);
        Assert.Equal(10, log.LastSequence);
        Assert.Equal(before, File.ReadAllBytes(dir.Segments()[0]));
    }

    [Fact]
    public void Reset_starts_an_empty_log_at_the_given_sequence_durably()
    {
        using var dir = new LogDirectory();
        using (var log = dir.Open(SegmentSize))
        {
            Records.AppendRange(log, 1, 50);
            log.Reset(1000);

            Assert.Equal(1000, log.FirstSequence);
            Assert.Equal(999, log.LastSequence);
            Assert.Empty(log.ReadFrom(1000));
            Assert.Equal(["00000000000000001000.log"], dir.Segments().Select(Path.GetFileName));
            Assert.Throws<ArgumentOutOfRangeException>(() => log.ReadFrom(50));
        }

        using (var log = dir.Open(SegmentSize))
        {
            Assert.Empty(dir.Events);
            Assert.Equal(1000, log.FirstSequence);
            Assert.Equal(999, log.LastSequence);
            Records.AppendRange(log, 1000, 1030, perBatch: 4);
        }

        using (var log = dir.Open(SegmentSize))
        {
            Records.AssertRange(log, 1000, 1030);
        }
    }

    [Fact]
    public void Reset_to_a_sequence_whose_segment_name_exists_replaces_it()
    {
        using var dir = new LogDirectory();
        using (var log = dir.Open(SegmentSize))
        {
            Records.AppendRange(log, 1, 50);
            log.Reset(1);
            Assert.Equal(0, log.LastSequence);
            Assert.Equal(1, log.FirstSequence);
            Records.AppendRange(log, 1, 3, variant: 2);
        }

        using var reopened = dir.Open(SegmentSize);
        Assert.Equal(3, reopened.LastSequence);
        Records.AssertRange(reopened, 1, 3, variant: 2);
        Assert.Single(dir.Segments());
    }

    [Fact]
    public void Reset_refuses_sequences_below_one()
    {
        using var dir = new LogDirectory();
        using var log = dir.Open();
        Assert.Throws<ArgumentOutOfRangeException>(() => log.Reset(0));
    }
}
