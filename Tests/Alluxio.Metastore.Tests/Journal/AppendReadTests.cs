using Alluxio.Metastore.Journal.Log;

namespace Alluxio.Metastore.Tests.Journal;

public sealed class AppendReadTests
{
    [Fact]
    public void A_new_log_is_empty_and_starts_at_one()
    {
        using var dir = new LogDirectory();
        using var log = dir.Open();
        Assert.Equal(0, log.LastSequence);
        Assert.Equal(1, log.FirstSequence);
        Assert.Empty(log.ReadFrom(1));
        Assert.Single(dir.Segments());
    }

    [Fact]
    public void Records_round_trip_across_segment_rollovers()
    {
        using var dir = new LogDirectory();
        using var log = dir.Open(segmentSize: 1024);
        Records.AppendRange(log, 1, 200, perBatch: 3);

        Assert.Equal(1, log.FirstSequence);
        Assert.Equal(200, log.LastSequence);
        Records.AssertRange(log, 1, 200);
        Records.AssertRange(log, 137, 200);
        Records.AssertRange(log, 200, 200);
        Assert.Empty(log.ReadFrom(201));
        Assert.Empty(log.ReadFrom(5000));

        var segments = dir.Segments();
        Assert.True(segments.Length >= 10, $"expected many segments at 1 KiB each, got {segments.Length}");
        Assert.All(segments.SkipLast(1), s => Assert.True(new FileInfo(s).Length <= 1024, $"{s} overfilled"));
    }

    [Fact]
    public void Reopening_preserves_every_record_and_appends_continue()
    {
        using var dir = new LogDirectory();
        using (var log = dir.Open(segmentSize: 2048))
        {
            Records.AppendRange(log, 1, 150, perBatch: 7);
        }

        using (var log = dir.Open(segmentSize: 2048))
        {
            Assert.Empty(dir.Events);
            Assert.Equal(150, log.LastSequence);
            Records.AssertRange(log, 1, 150);
            Records.AppendRange(log, 151, 180, perBatch: 4);
        }

        using (var log = dir.Open(segmentSize: 2048))
        {
            Assert.Equal(1, log.FirstSequence);
            Assert.Equal(180, log.LastSequence);
            Records.AssertRange(log, 1, 180);
        }
    }

    [Fact]
    public void A_batch_larger_than_a_segment_gets_a_segment_of_its_own()
    {
        using var dir = new LogDirectory();
        using (var log = dir.Open(segmentSize: 1024))
        {
            Records.AppendRange(log, 1, 3);
            log.Append(Records.Batch(4, 60));
            Records.AppendRange(log, 64, 66);
            Records.AssertRange(log, 1, 66);
        }

        Assert.Equal(
            ["00000000000000000001.log", "00000000000000000004.log", "00000000000000000064.log"],
            dir.Segments().Select(Path.GetFileName));
        using var reopened = dir.Open(segmentSize: 1024);
        Records.AssertRange(reopened, 1, 66);
    }

    [Fact]
    public void Empty_payloads_and_an_empty_batch_are_fine()
    {
        using var dir = new LogDirectory();
        using var log = dir.Open();
        log.Append([]);
        Assert.Equal(0, log.LastSequence);
        log.Append([new JournalRecord(1, ReadOnlyMemory<byte>.Empty), new JournalRecord(2, new byte[] { 9 })]);
        var read = log.ReadFrom(1).ToList();
        Assert.Equal(0, read[0].Payload.Length);
        Assert.Equal([9], read[1].Payload.ToArray());
    }

    [Fact]
    public void Payloads_read_are_copies_owned_by_the_caller()
    {
        using var dir = new LogDirectory();
        using var log = dir.Open();
        Records.AppendRange(log, 1, 50, perBatch: 10);
        var first = log.ReadFrom(1).ToList();
        var second = log.ReadFrom(1).ToList();
        Assert.Equal(50, first.Count);
        for (var i = 0; i < first.Count; i++)
        {
            Assert.Equal(Records.Payload(i + 1), first[i].Payload.ToArray());
            Assert.False(first[i].Payload.Span.Overlaps(second[i].Payload.Span), "payloads of two reads share memory");
        }
    }

    [Fact]
    public void Reading_before_the_first_retained_record_is_refused()
    {
        using var dir = new LogDirectory();
        using var log = dir.Open(segmentSize: 1024);
        Records.AppendRange(log, 1, 100);
        log.TruncatePrefix(50);
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => log.ReadFrom(1));
        Assert.Contains($"before sequence {log.FirstSequence}", error.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => log.ReadFrom(0));
    }

    [Fact]
    public void Reading_from_a_late_record_uses_the_index_instead_of_scanning_segments()
    {
        using var dir = new LogDirectory();
        var fileSystem = new FaultyFileSystem();
        using var log = dir.Open(segmentSize: 1 << 20, fsync: false, fileSystem: fileSystem);
        Records.AppendRange(log, 1, 200_000, perBatch: 500);
        var segments = dir.Segments();
        var total = segments.Sum(s => new FileInfo(s).Length);
        JournalLogFormat.TryParseSegmentFileName(Path.GetFileName(segments[^1]), out var lastSegmentFirst);

        // From the final record of a full 1 MiB segment into the next segment.
        var before = fileSystem.BytesRead;
        Records.AssertPrefix(log, lastSegmentFirst - 1, lastSegmentFirst + 10);
        var read = fileSystem.BytesRead - before;

        Assert.True(segments.Length >= 5 && total > 5_000_000, $"the log should be large, is {total} bytes in {segments.Length} segments");
        Assert.True(read <= 600_000, $"reading 12 records from the end of a 1 MiB segment read {read} bytes");
    }

    [Fact]
    public void Oversized_payloads_are_refused()
    {
        using var dir = new LogDirectory();
        using var log = dir.Open();
        var error = Assert.Throws<ArgumentException>(() => log.Append([new JournalRecord(1, new byte[SegmentedJournalLog.MaxPayloadLength + 1])]));
        Assert.Contains("at most", error.Message);
        Assert.Equal(0, log.LastSequence);
    }

    [Fact]
    public void A_second_open_of_the_same_directory_is_refused_until_the_first_is_disposed()
    {
        using var dir = new LogDirectory();
        var first = dir.Open();
        Records.AppendRange(first, 1, 3);
        var error = Assert.Throws<JournalLogException>(() => dir.Open());
        Assert.Contains(dir.Path, error.Message);
        first.Dispose();
        using var second = dir.Open();
        Assert.Equal(3, second.LastSequence);
    }

    [Fact]
    public void Invalid_options_are_refused()
    {
        using var dir = new LogDirectory();
        var error = Assert.Throws<ArgumentException>(() => dir.Open(segmentSize: 100));
        Assert.Contains("SegmentSize", error.Message);
    }

    [Fact]
    public void A_disposed_log_refuses_use()
    {
        using var dir = new LogDirectory();
        var log = dir.Open();
        Records.AppendRange(log, 1, 3);
        var reader = log.ReadFrom(1).GetEnumerator();
        Assert.True(reader.MoveNext());
        log.Dispose();
        Assert.Throws<ObjectDisposedException>(() => log.Append(Records.Batch(4, 1)));
        Assert.Throws<ObjectDisposedException>(() => log.ReadFrom(1));
        Assert.Throws<ObjectDisposedException>(() => reader.MoveNext());
        reader.Dispose();
    }
}
