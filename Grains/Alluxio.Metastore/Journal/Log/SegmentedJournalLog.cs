using static Alluxio.Metastore.Journal.Log.JournalLogFormat;

namespace Alluxio.Metastore.Journal.Log;

/// <summary>
/// The local, durable journal log: segment files in one directory (format and recovery rules in
/// <see cref="JournalLogFormat"/>), one write and one fsync per <see cref="Append"/> (group commit), an in-memory index
/// of segments with a sparse offset index per segment for fast tail reads. Contract and threading: see
/// <see cref="IJournalLog"/>. The directory is locked (<c>journal.lock</c>) while the log is open.
/// </summary>
public sealed partial class SegmentedJournalLog : IJournalLog
{
    /// <summary>The largest payload a record may carry (64 MiB).</summary>
    public const int MaxPayloadLength = JournalLogFormat.MaxPayloadLength;

    private readonly string _directory;
    private readonly long _segmentSize;
    private readonly bool _fsync;
    private readonly IJournalFileSystem _fileSystem;
    private readonly IDisposable _directoryLock;

    // Guards _segments and _lastSequence (and the segments' mutable state) between the writer and readers. The writer
    // never holds it during I/O.
    private readonly Lock _sync = new();
    private readonly List<JournalSegment> _segments;
    private long _lastSequence;

    // Writer-only state.
    private long _epoch;
    private IJournalFile? _active;
    private string? _fault;
    private volatile bool _disposed;

    private SegmentedJournalLog(string directory, JournalLogOptions options, IJournalFileSystem fileSystem, IDisposable directoryLock,
        List<JournalSegment> segments, long epoch, IJournalFile active)
    {
        _directory = directory;
        _segmentSize = options.SegmentSize;
        _fsync = options.FsyncEnabled;
        _fileSystem = fileSystem;
        _directoryLock = directoryLock;
        _segments = segments;
        _epoch = epoch;
        _active = active;
        _lastSequence = segments[^1].LastSequence;
    }

    /// <inheritdoc />
    public long FirstSequence
    {
        get
        {
            lock (_sync)
            {
                return _segments[0].FirstSequence;
            }
        }
    }

    /// <inheritdoc />
    public long LastSequence
    {
        get
        {
            lock (_sync)
            {
                return _lastSequence;
            }
        }
    }

    /// <summary>The log's directory (full path).</summary>
    public string DirectoryPath => _directory;

    /// <summary>
    /// Opens (or creates) the log in <paramref name="directory"/>, running recovery: leftover temporary files and
    /// pre-reset segments are deleted, a torn tail of the newest segment is cut off (each reported to
    /// <see cref="JournalLogOptions.OnRecovery"/>), and damage anywhere else throws.
    /// </summary>
    /// <exception cref="ArgumentException">The options are invalid.</exception>
    /// <exception cref="JournalCorruptedException">The log is damaged where recovery must not repair it silently.</exception>
    /// <exception cref="JournalLogException">An I/O failure, or the directory is locked by another open log.</exception>
    public static SegmentedJournalLog Open(string directory, JournalLogOptions options) =>
        Open(directory, options, PhysicalJournalFileSystem.Instance);

    internal static SegmentedJournalLog Open(string directory, JournalLogOptions options, IJournalFileSystem fileSystem)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(fileSystem);
        var problems = options.Validate().ToList();
        if (problems.Count > 0)
        {
            throw new ArgumentException("Invalid journal log options: " + string.Join(" ", problems), nameof(options));
        }

        directory = Path.GetFullPath(directory);
        IDisposable? directoryLock = null;
        try
        {
            fileSystem.CreateDirectory(directory);
            directoryLock = fileSystem.Lock(Path.Combine(directory, LockFileName));
            var (segments, epoch) = JournalLogRecovery.Recover(directory, options, fileSystem);
            var active = fileSystem.OpenReadWrite(segments[^1].Path);
            return new SegmentedJournalLog(directory, options, fileSystem, directoryLock, segments, epoch, active);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            directoryLock?.Dispose();
            throw new JournalLogException($"Could not open the journal log in '{directory}': {e.Message}", e);
        }
        catch
        {
            directoryLock?.Dispose();
            throw;
        }
    }

    /// <summary>Closes the files and releases the directory lock. Readers still enumerating fail on their next step.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _active?.Dispose();
        _active = null;
        _directoryLock.Dispose();
    }

    private void ThrowIfUnusable()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_fault is not null)
        {
            throw new JournalLogException($"The journal log is faulted after an earlier failure ({_fault}); dispose and reopen it.");
        }
    }

    private JournalLogException Fault(string failure, Exception cause)
    {
        _fault = failure;
        return new JournalLogException($"{failure}. The log is faulted: dispose and reopen it (recovery restores a consistent state).", cause);
    }

    private static bool IsIOFailure(Exception e) => e is IOException or UnauthorizedAccessException;
}
