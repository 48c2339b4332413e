using Alluxio.Metastore.Journal.Log;

namespace Alluxio.Metastore.Tests.Journal;

/// <summary>Disk full, fsync failures and crashes mid-write, through the file-system seam.</summary>
public sealed class FaultTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(30)]
    [InlineData(100)]
    public void Disk_full_during_append_leaves_the_previous_records_and_hides_the_batch(int bytesStored)
    {
        using var dir = new LogDirectory();
        var fileSystem = new FaultyFileSystem();
        using (var log = dir.Open(fileSystem: fileSystem))
        {
            Records.AppendRange(log, 1, 5);
            var length = new FileInfo(dir.Segments()[0]).Length;

            fileSystem.TornWriteBytes = bytesStored; // 100 bytes hold whole records of the batch
            var error = Assert.Throws<JournalLogException>(() => log.Append(Records.Batch(6, 3)));

            Assert.Contains("No space left on device", error.Message);
            Assert.Contains("not visible", error.Message);
            Assert.Equal(5, log.LastSequence);
            Records.AssertRange(log, 1, 5);
            Assert.Equal(length, new FileInfo(dir.Segments()[0]).Length);
        }

        using (var log = dir.Open())
        {
            Assert.Empty(dir.Events);
            Assert.Equal(5, log.LastSequence);
            Records.AssertRange(log, 1, 5);
        }
    }

    [Fact]
    public void After_a_disk_full_the_same_batch_can_be_appended_again()
    {
        using var dir = new LogDirectory();
        var fileSystem = new FaultyFileSystem();
        using (var log = dir.Open(fileSystem: fileSystem))
        {
            Records.AppendRange(log, 1, 5);
            fileSystem.TornWriteBytes = 40;
            Assert.Throws<JournalLogException>(() => log.Append(Records.Batch(6, 3)));
            log.Append(Records.Batch(6, 3));
            Records.AssertRange(log, 1, 8);
        }

        using var reopened = dir.Open();
        Assert.Empty(dir.Events);
        Records.AssertRange(reopened, 1, 8);
    }

    [Fact]
    public void An_fsync_failure_fails_the_append_and_the_batch_stays_invisible()
    {
        using var dir = new LogDirectory();
        var fileSystem = new FaultyFileSystem();
        using (var log = dir.Open(fileSystem: fileSystem))
        {
            Records.AppendRange(log, 1, 5);
            fileSystem.FailingFlushes = 1;
            var error = Assert.Throws<JournalLogException>(() => log.Append(Records.Batch(6, 2)));
            Assert.Contains("Input/output error", error.Message);
            Assert.Equal(5, log.LastSequence);
            Records.AssertRange(log, 1, 5);
        }

        using var reopened = dir.Open();
        Assert.Equal(5, reopened.LastSequence);
    }

    [Theory]
    [InlineData(10, 5)]
    [InlineData(30, 6)] // record 6 (29 bytes) was written whole: documented, a whole-record prefix may survive
    public void When_the_partial_write_cannot_be_cut_off_the_log_faults_and_recovery_cuts_the_torn_record(int bytesStored, long lastAfterRecovery)
    {
        using var dir = new LogDirectory();
        var fileSystem = new FaultyFileSystem();
        using (var log = dir.Open(fileSystem: fileSystem))
        {
            Records.AppendRange(log, 1, 5);
            fileSystem.TornWriteBytes = bytesStored;
            fileSystem.FailSetLength = true;
            var error = Assert.Throws<JournalLogException>(() => log.Append(Records.Batch(6, 3)));
            Assert.Contains("faulted", error.Message);
            Assert.Equal(5, log.LastSequence);
            Records.AssertRange(log, 1, 5);

            var refused = Assert.Throws<JournalLogException>(() => log.Append(Records.Batch(6, 1)));
            Assert.Contains("faulted", refused.Message);
            Assert.Throws<JournalLogException>(() => log.TruncateSuffix(2));
        }

        using var reopened = dir.Open();
        Assert.Equal(lastAfterRecovery, reopened.LastSequence);
        Assert.Equal(JournalRecoveryKind.TornTailTruncated, Assert.Single(dir.Events).Kind);
        Records.AppendRange(reopened, lastAfterRecovery + 1, 7);
        Records.AssertRange(reopened, 1, 7);
    }

    [Fact]
    public void A_crash_mid_write_leaves_half_a_record_that_reopen_cuts()
    {
        using var dir = new LogDirectory();
        using (var log = dir.Open())
        {
            Records.AppendRange(log, 1, 5);
        }

        var file = dir.Segments()[0];
        var length = new FileInfo(file).Length;
        var frame = new byte[Records.FrameSize(6)];
        RecordFrame.Write(frame, 6, 0, Records.Payload(6));
        using (var stream = new FileStream(file, FileMode.Append))
        {
            stream.Write(frame, 0, frame.Length / 2);
        }

        using (var log = dir.Open())
        {
            var repair = Assert.Single(dir.Events);
            Assert.Equal(JournalRecoveryKind.TornTailTruncated, repair.Kind);
            Assert.Equal(length, repair.Offset);
            Assert.Contains("partial record", repair.Detail);
            Assert.Equal(5, log.LastSequence);
            log.Append(Records.Batch(6, 1));
        }

        using var reopened = dir.Open();
        Assert.Empty(dir.Events);
        Records.AssertRange(reopened, 1, 6);
    }

    [Fact]
    public void A_failed_segment_rollover_fails_the_append_and_a_retry_succeeds()
    {
        using var dir = new LogDirectory();
        var fileSystem = new FaultyFileSystem();
        using (var log = dir.Open(segmentSize: 1024, fileSystem: fileSystem))
        {
            Records.AppendRange(log, 1, 20);
            var segments = dir.Segments().Length;
            long next = 21;
            fileSystem.FailMove = true;
            JournalLogException? error = null;
            while (error is null)
            {
                // Append until one needs a new segment.
                try
                {
                    log.Append(Records.Batch(next, 1));
                    next++;
                }
                catch (JournalLogException e)
                {
                    error = e;
                }

                Assert.True(next < 100, "no append needed a new segment");
            }

            Assert.Contains("No space left on device", error.Message);
            Assert.Equal(next - 1, log.LastSequence);
            Assert.Equal(segments, dir.Segments().Length);
            fileSystem.FailMove = false;
            log.Append(Records.Batch(next, 1));
            Records.AssertRange(log, 1, next);
        }

        using var reopened = dir.Open(segmentSize: 1024);
        Assert.All(dir.Events, e => Assert.Equal(JournalRecoveryKind.TemporaryFileDeleted, e.Kind));
        Assert.Equal(1, reopened.FirstSequence);
    }

    [Fact]
    public void A_reset_interrupted_after_its_commit_point_completes_on_reopen()
    {
        using var dir = new LogDirectory();
        var fileSystem = new FaultyFileSystem();
        using (var log = dir.Open(segmentSize: 1024, fileSystem: fileSystem))
        {
            Records.AppendRange(log, 1, 60);
            fileSystem.FailDelete = path => path.EndsWith(".log", StringComparison.Ordinal) && !path.EndsWith("00000000000000000500.log", StringComparison.Ordinal);
            var error = Assert.Throws<JournalLogException>(() => log.Reset(500));
            Assert.Contains("faulted", error.Message);
            Assert.Throws<JournalLogException>(() => log.Append(Records.Batch(500, 1)));
        }

        Assert.True(dir.Segments().Length > 1, "the old segments should still be there");
        using var reopened = dir.Open(segmentSize: 1024);
        Assert.Equal(500, reopened.FirstSequence);
        Assert.Equal(499, reopened.LastSequence);
        Assert.Contains(dir.Events, e => e.Kind == JournalRecoveryKind.StaleSegmentDeleted);
        Assert.Equal(["00000000000000000500.log"], dir.Segments().Select(Path.GetFileName));
    }

    [Fact]
    public void A_reset_that_fails_before_its_commit_point_changes_nothing()
    {
        using var dir = new LogDirectory();
        var fileSystem = new FaultyFileSystem();
        using (var log = dir.Open(fileSystem: fileSystem))
        {
            Records.AppendRange(log, 1, 10);
            fileSystem.FailingFlushes = 1;
            var error = Assert.Throws<JournalLogException>(() => log.Reset(500));
            Assert.Contains("Nothing changed", error.Message);
            Assert.Equal(10, log.LastSequence);
            Records.AppendRange(log, 11, 12);
        }

        using var reopened = dir.Open();
        Assert.Empty(dir.Events);
        Records.AssertRange(reopened, 1, 12);
    }

    [Fact]
    public void A_failed_prefix_truncation_keeps_memory_and_disk_in_step()
    {
        using var dir = new LogDirectory();
        var fileSystem = new FaultyFileSystem();
        using (var log = dir.Open(segmentSize: 1024, fileSystem: fileSystem))
        {
            Records.AppendRange(log, 1, 100);
            var segments = dir.Segments();
            fileSystem.FailDelete = path => path == segments[1];
            Assert.Throws<JournalLogException>(() => log.TruncatePrefix(100));
            JournalLogFormat.TryParseSegmentFileName(Path.GetFileName(segments[1]), out var secondFirst);
            Assert.Equal(secondFirst, log.FirstSequence);
            Records.AssertRange(log, secondFirst, 100);

            fileSystem.FailDelete = null;
            log.TruncatePrefix(100);
            Assert.Single(dir.Segments());
        }

        using var reopened = dir.Open(segmentSize: 1024);
        Assert.Equal(100, reopened.LastSequence);
    }
}
