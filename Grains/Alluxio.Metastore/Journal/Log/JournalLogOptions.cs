namespace Alluxio.Metastore.Journal.Log;

/// <summary>Options of a <see cref="SegmentedJournalLog"/>.</summary>
public sealed class JournalLogOptions
{
    /// <summary>The default segment size, 64 MiB.</summary>
    public const long DefaultSegmentSize = 64L << 20;

    /// <summary>The smallest accepted segment size, 1 KiB (small segments are for tests).</summary>
    public const long MinimumSegmentSize = 1024;

    /// <summary>
    /// A new segment file is started when a batch would take the current one past this many bytes (default 64 MiB).
    /// A batch never spans segments, so one larger than this gets a segment of its own.
    /// </summary>
    public long SegmentSize { get; set; } = DefaultSegmentSize;

    /// <summary>
    /// fsync data and directories before returning (default true). UNSAFE when false: an acknowledged append can be lost
    /// on a machine crash, and recovery may then report corruption. Only for tests and benchmarks.
    /// </summary>
    public bool FsyncEnabled { get; set; } = true;

    /// <summary>
    /// Called (on the opening thread) for every repair recovery makes while opening: a torn tail cut off, a leftover
    /// temporary file or stale segment deleted. Optional; the log never logs by itself.
    /// </summary>
    public Action<JournalRecoveryEvent>? OnRecovery { get; set; }

    /// <summary>Checks the values; returns the problems found.</summary>
    public IEnumerable<string> Validate()
    {
        if (SegmentSize < MinimumSegmentSize)
        {
            yield return $"SegmentSize must be at least {MinimumSegmentSize} bytes (was {SegmentSize}).";
        }
    }
}
