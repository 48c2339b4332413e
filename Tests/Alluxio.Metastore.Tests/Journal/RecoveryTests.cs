using Alluxio.Metastore.Journal.Log;

namespace Alluxio.Metastore.Tests.Journal;

/// <summary>Open-time recovery: torn tails are cut, damage elsewhere is reported and left alone.</summary>
public sealed class RecoveryTests
{
    [Fact]
    public void A_torn_tail_at_every_byte_of_the_last_record_is_cut_and_the_earlier_records_survive()
    {
        using var dir = new LogDirectory();
        using (var log = dir.Open())
        {
            Records.AppendRange(log, 1, 6);
        }

        var file = dir.Segments()[0];
        var full = File.ReadAllBytes(file);
        var lastStart = full.Length - Records.FrameSize(6);
        for (var cut = lastStart; cut < full.Length; cut++)
        {
            File.WriteAllBytes(file, full[..cut]);
            using (var log = dir.Open())
            {
                Assert.Equal(5, log.LastSequence);
                Records.AssertRange(log, 1, 5);
                Assert.Equal(lastStart, new FileInfo(file).Length);
                if (cut == lastStart)
                {
                    Assert.Empty(dir.Events);
                }
                else
                {
                    var repair = Assert.Single(dir.Events);
                    Assert.Equal(JournalRecoveryKind.TornTailTruncated, repair.Kind);
                    Assert.Equal(file, repair.FilePath);
                    Assert.Equal(lastStart, repair.Offset);
                }

                log.Append(Records.Batch(6, 1, variant: 1));
            }

            using (var log = dir.Open())
            {
                Assert.Empty(dir.Events);
                Assert.Equal(6, log.LastSequence);
                Assert.Equal(Records.Payload(6, variant: 1), log.ReadFrom(6).Single().Payload.ToArray());
            }
        }
    }

    [Fact]
    public void A_torn_last_batch_keeps_exactly_the_whole_records_before_the_tear()
    {
        using var dir = new LogDirectory();
        using (var log = dir.Open())
        {
            Records.AppendRange(log, 1, 4);
            log.Append(Records.Batch(5, 4));
        }

        var file = dir.Segments()[0];
        var full = File.ReadAllBytes(file);
        var batchStart = full.Length - Enumerable.Range(5, 4).Sum(s => Records.FrameSize(s));
        for (var cut = batchStart; cut <= full.Length; cut++)
        {
            File.WriteAllBytes(file, full[..cut]);
            long whole = 4, end = batchStart;
            while (whole < 8 && end + Records.FrameSize(whole + 1) <= cut)
            {
                end += Records.FrameSize(++whole);
            }

            using var log = dir.Open();
            Assert.Equal(whole, log.LastSequence);
            Records.AssertRange(log, 1, whole);
            Assert.Equal(end, new FileInfo(file).Length);
        }
    }

    [Fact]
    public void A_bit_flip_anywhere_in_the_last_record_cuts_that_record()
    {
        using var dir = new LogDirectory();
        using (var log = dir.Open())
        {
            Records.AppendRange(log, 1, 6);
        }

        var file = dir.Segments()[0];
        var full = File.ReadAllBytes(file);
        var lastStart = full.Length - Records.FrameSize(6);
        for (var at = lastStart; at < full.Length; at++)
        {
            var damaged = (byte[])full.Clone();
            damaged[at] ^= 0x10;
            File.WriteAllBytes(file, damaged);
            using var log = dir.Open();
            Assert.Equal(5, log.LastSequence);
            Records.AssertRange(log, 1, 5);
            Assert.Equal(lastStart, Assert.Single(dir.Events).Offset);
        }
    }

    [Fact]
    public void A_bit_flip_anywhere_in_a_middle_record_is_corruption_naming_file_and_offset()
    {
        using var dir = new LogDirectory();
        using (var log = dir.Open())
        {
            Records.AppendRange(log, 1, 10);
        }

        var file = dir.Segments()[0];
        var full = File.ReadAllBytes(file);
        var fifthStart = 32 + Enumerable.Range(1, 4).Sum(s => Records.FrameSize(s));
        for (var at = fifthStart; at < fifthStart + Records.FrameSize(5); at++)
        {
            var damaged = (byte[])full.Clone();
            damaged[at] ^= 0x01;
            File.WriteAllBytes(file, damaged);

            var error = Assert.Throws<JournalCorruptedException>(() => dir.Open());
            Assert.Equal(file, error.FilePath);
            Assert.Equal(fifthStart, error.Offset);
            Assert.Contains(file, error.Message);
            Assert.Contains($"offset {fifthStart}", error.Message);
            Assert.Equal(damaged, File.ReadAllBytes(file));
        }
    }

    [Fact]
    public void Damage_in_the_last_batch_followed_by_its_own_records_is_a_torn_write_and_is_cut()
    {
        // The disk may persist a batch's pages out of order before fsync returns: a hole inside the last batch with
        // intact records of the same batch after it is a crash artefact, not corruption.
        using var dir = new LogDirectory();
        using (var log = dir.Open())
        {
            Records.AppendRange(log, 1, 3);
            log.Append(Records.Batch(4, 5));
        }

        var file = dir.Segments()[0];
        var bytes = File.ReadAllBytes(file);
        var fifthStart = 32 + Enumerable.Range(1, 4).Sum(s => Records.FrameSize(s));
        bytes.AsSpan(fifthStart + 16, 4).Clear();
        File.WriteAllBytes(file, bytes);

        using var reopened = dir.Open();
        Assert.Equal(4, reopened.LastSequence);
        Assert.Equal(fifthStart, Assert.Single(dir.Events).Offset);
        Records.AssertRange(reopened, 1, 4);
    }

    [Fact]
    public void Zeros_after_the_last_record_are_cut()
    {
        using var dir = new LogDirectory();
        using (var log = dir.Open())
        {
            Records.AppendRange(log, 1, 5);
        }

        var file = dir.Segments()[0];
        var length = new FileInfo(file).Length;
        using (var stream = new FileStream(file, FileMode.Append))
        {
            stream.Write(new byte[4096]);
        }

        using var reopened = dir.Open();
        Assert.Equal(5, reopened.LastSequence);
        var repair = Assert.Single(dir.Events);
        Assert.Equal(length, repair.Offset);
        Assert.Contains("zero", repair.Detail);
        Assert.Equal(length, new FileInfo(file).Length);
    }

    [Fact]
    public void Damage_in_a_segment_that_is_not_the_newest_is_corruption()
    {
        using var dir = new LogDirectory();
        using (var log = dir.Open(segmentSize: 1024))
        {
            Records.AppendRange(log, 1, 60);
        }

        var first = dir.Segments()[0];
        var bytes = File.ReadAllBytes(first);
        bytes[^3] ^= 0x40; // the CRC of the segment's last record
        File.WriteAllBytes(first, bytes);

        var error = Assert.Throws<JournalCorruptedException>(() => dir.Open(segmentSize: 1024));
        Assert.Equal(first, error.FilePath);
        Assert.Contains("not the newest", error.Message);
    }

    [Fact]
    public void A_missing_middle_segment_is_a_gap_and_corruption()
    {
        using var dir = new LogDirectory();
        using (var log = dir.Open(segmentSize: 1024))
        {
            Records.AppendRange(log, 1, 80);
        }

        var segments = dir.Segments();
        Assert.True(segments.Length >= 3);
        File.Delete(segments[1]);

        var error = Assert.Throws<JournalCorruptedException>(() => dir.Open(segmentSize: 1024));
        Assert.Equal(segments[2], error.FilePath);
        Assert.Equal(0, error.Offset);
        Assert.Contains("gap", error.Message);
    }

    [Fact]
    public void A_damaged_segment_header_is_corruption()
    {
        using var dir = new LogDirectory();
        using (var log = dir.Open())
        {
            Records.AppendRange(log, 1, 3);
        }

        var file = dir.Segments()[0];
        var bytes = File.ReadAllBytes(file);
        bytes[10] ^= 0x01; // first sequence
        File.WriteAllBytes(file, bytes);

        var error = Assert.Throws<JournalCorruptedException>(() => dir.Open());
        Assert.Equal(0, error.Offset);
        Assert.Contains("CRC", error.Message);
    }

    [Fact]
    public void A_segment_renamed_to_the_wrong_first_sequence_is_corruption()
    {
        using var dir = new LogDirectory();
        using (var log = dir.Open())
        {
            Records.AppendRange(log, 1, 3);
        }

        var file = dir.Segments()[0];
        File.Move(file, Path.Combine(dir.Path, "00000000000000000002.log"));
        var error = Assert.Throws<JournalCorruptedException>(() => dir.Open());
        Assert.Contains("file name says 2", error.Message);
    }

    [Fact]
    public void A_leftover_temporary_segment_is_deleted()
    {
        using var dir = new LogDirectory();
        using (var log = dir.Open())
        {
            Records.AppendRange(log, 1, 3);
        }

        var leftover = Path.Combine(dir.Path, "00000000000000000004.log.tmp");
        File.WriteAllBytes(leftover, new byte[10]);
        using var reopened = dir.Open();
        Assert.Equal(JournalRecoveryKind.TemporaryFileDeleted, Assert.Single(dir.Events).Kind);
        Assert.False(File.Exists(leftover));
        Assert.Equal(3, reopened.LastSequence);
    }

    [Fact]
    public void An_intact_record_with_an_impossible_batch_index_ends_the_valid_log()
    {
        using var dir = new LogDirectory();
        using (var log = dir.Open())
        {
            Records.AppendRange(log, 1, 4);
        }

        var file = dir.Segments()[0];
        var length = new FileInfo(file).Length;
        var frame = new byte[Records.FrameSize(5)];
        RecordFrame.Write(frame, 5, 3, Records.Payload(5)); // claims to be the 4th record of a batch starting at 2
        using (var stream = new FileStream(file, FileMode.Append))
        {
            stream.Write(frame);
        }

        using var reopened = dir.Open();
        Assert.Equal(4, reopened.LastSequence);
        var repair = Assert.Single(dir.Events);
        Assert.Equal(length, repair.Offset);
        Assert.Contains("batch index 3", repair.Detail);
    }
}
