using Alluxio.Metastore.Journal.Log;

namespace Alluxio.Metastore.Tests.Journal;

/// <summary>A fresh directory for one test's journal log, deleted afterwards.</summary>
internal sealed class LogDirectory : IDisposable
{
    public LogDirectory()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "alluxio-journal-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    /// <summary>Repairs reported by the last <see cref="Open"/>.</summary>
    public List<JournalRecoveryEvent> Events { get; } = [];

    public SegmentedJournalLog Open(long segmentSize = JournalLogOptions.DefaultSegmentSize, bool fsync = true, IJournalFileSystem? fileSystem = null)
    {
        Events.Clear();
        var options = new JournalLogOptions { SegmentSize = segmentSize, FsyncEnabled = fsync, OnRecovery = Events.Add };
        return SegmentedJournalLog.Open(Path, options, fileSystem ?? PhysicalJournalFileSystem.Instance);
    }

    /// <summary>The segment files, oldest first.</summary>
    public string[] Segments() =>
        [.. Directory.GetFiles(Path, "*.log").Order(StringComparer.Ordinal)];

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a leftover temp directory does not affect other tests.
        }
    }
}
