using Alluxio.Metastore.Journal.Log;

namespace Alluxio.Metastore.Tests.Journal;

/// <summary>
/// The order of writes, fsyncs, renames and deletions that crash safety relies on (a crash cannot be staged in a test,
/// so the protocol itself is checked).
/// </summary>
public sealed class DurabilityProtocolTests
{
    private const string First = "00000000000000000001.log";

    [Fact]
    public void An_append_is_one_write_and_one_fsync()
    {
        using var dir = new LogDirectory();
        var fileSystem = new FaultyFileSystem();
        using var log = dir.Open(fileSystem: fileSystem);
        Records.AppendRange(log, 1, 3);
        fileSystem.Operations.Clear();

        log.Append(Records.Batch(4, 64));

        Assert.Equal([$"write {First}", $"flush {First}"], fileSystem.Operations);
    }

    [Fact]
    public void A_new_segment_is_durable_with_its_directory_entry_before_the_batch_is_written()
    {
        using var dir = new LogDirectory();
        var fileSystem = new FaultyFileSystem();
        using var log = dir.Open(segmentSize: 1024, fileSystem: fileSystem);
        long next = 1;
        while (dir.Segments().Length == 1)
        {
            fileSystem.Operations.Clear();
            log.Append(Records.Batch(next++, 1));
        }

        var segment = JournalLogFormat.SegmentFileName(next - 1);
        Assert.Equal(
            [$"create {segment}.tmp", $"write {segment}.tmp", $"flush {segment}.tmp", $"move {segment}.tmp {segment}", "sync-dir", $"write {segment}", $"flush {segment}"],
            fileSystem.Operations);
    }

    [Fact]
    public void TruncateSuffix_deletes_newest_first_and_syncs_the_directory_before_cutting_the_boundary_segment()
    {
        using var dir = new LogDirectory();
        var fileSystem = new FaultyFileSystem();
        using var log = dir.Open(segmentSize: 1024, fileSystem: fileSystem);
        Records.AppendRange(log, 1, 80);
        var names = dir.Segments().Select(Path.GetFileName).ToArray();
        fileSystem.Operations.Clear();

        log.TruncateSuffix(3);

        var expected = names.Skip(1).Reverse().Select(n => $"delete {n}").ToList();
        expected.Add("sync-dir");
        expected.Add($"setlength {First} {32 + Enumerable.Range(1, 3).Sum(s => Records.FrameSize(s))}");
        expected.Add($"flush {First}");
        Assert.Equal(expected, fileSystem.Operations);
    }

    [Fact]
    public void TruncatePrefix_deletes_oldest_first_then_syncs_the_directory()
    {
        using var dir = new LogDirectory();
        var fileSystem = new FaultyFileSystem();
        using var log = dir.Open(segmentSize: 1024, fileSystem: fileSystem);
        Records.AppendRange(log, 1, 80);
        var names = dir.Segments().Select(Path.GetFileName).ToArray();
        fileSystem.Operations.Clear();

        log.TruncatePrefix(long.MaxValue);

        Assert.Equal([.. names.SkipLast(1).Select(n => $"delete {n}"), "sync-dir"], fileSystem.Operations);
    }

    [Fact]
    public void Reset_commits_by_renaming_a_durable_new_epoch_segment_before_deleting_anything()
    {
        using var dir = new LogDirectory();
        var fileSystem = new FaultyFileSystem();
        using var log = dir.Open(segmentSize: 1024, fileSystem: fileSystem);
        Records.AppendRange(log, 1, 40);
        var names = dir.Segments().Select(Path.GetFileName).ToArray();
        fileSystem.Operations.Clear();

        log.Reset(77);

        var segment = JournalLogFormat.SegmentFileName(77);
        Assert.Equal(
            [$"create {segment}.tmp", $"write {segment}.tmp", $"flush {segment}.tmp", $"move {segment}.tmp {segment}", "sync-dir", .. names.Select(n => $"delete {n}"), "sync-dir"],
            fileSystem.Operations);
    }

    [Fact]
    public void Without_fsync_nothing_is_flushed_or_synced()
    {
        using var dir = new LogDirectory();
        var fileSystem = new FaultyFileSystem();
        using var log = dir.Open(segmentSize: 1024, fsync: false, fileSystem: fileSystem);
        Records.AppendRange(log, 1, 80);
        log.TruncateSuffix(10);
        log.TruncatePrefix(5);
        log.Reset(100);
        Assert.DoesNotContain(fileSystem.Operations, o => o.StartsWith("flush", StringComparison.Ordinal) || o == "sync-dir");
    }
}
