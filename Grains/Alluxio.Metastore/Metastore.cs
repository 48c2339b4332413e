using Alluxio.Metastore.Checkpoints;
using Alluxio.Metastore.Journal;
using Alluxio.Metastore.Journal.Log;
using Alluxio.Metastore.Store;
using Alluxio.Protos.Meta;
using Microsoft.Extensions.Logging;

namespace Alluxio.Metastore;

/// <summary>
/// The metadata store of a master: the journal (source of truth), the RocksDB store built from it, checkpoints and
/// backups. Layout under <see cref="MetastoreOptions.Directory"/>: <c>journal/</c>, <c>metastore/</c>,
/// <c>checkpoints/</c>, <c>backups/</c>.
/// </summary>
/// <remarks>
/// Recovery on open: if the store is missing, the newest checkpoint is copied into place; then every journal record
/// after the store's applied sequence is replayed. So restart = (store or last checkpoint) + tail of the journal.
/// </remarks>
public sealed partial class Metastore : IDisposable
{
    private readonly MetastoreOptions _options;
    private readonly IJournalLog _log;
    private readonly MetastoreDb _db;
    private readonly CheckpointStore _checkpoints;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private long _nextInodeId;
    private long _nextMountId;

    private Metastore(MetastoreOptions options, IJournalLog log, MetastoreDb db, CheckpointStore checkpoints, ILogger logger, TimeProvider time, Action<IReadOnlyList<MetadataEffect>>? onEffects)
    {
        _options = options;
        _log = log;
        _db = db;
        _checkpoints = checkpoints;
        _logger = logger;
        _time = time;
        State = new CommittedState(db, options);
        Replay();
        _nextInodeId = State.NextInodeId;
        _nextMountId = State.NextMountId;
        Committer = new JournalCommitter(log, State, options, logger, onEffects)
        {
            EntriesSinceCheckpoint = State.AppliedSequence - (checkpoints.Latest?.Sequence ?? 0),
        };
        Committer.CheckpointDue = () => TakeCheckpointOnCommitter();
    }

    public CommittedState State { get; }

    public JournalCommitter Committer { get; }

    public long LastCheckpointSequence => _checkpoints.Latest?.Sequence ?? 0;

    public string Directory => _options.Directory;

    public long JournalLastSequence => _log.LastSequence;

    public string JournalDirectory => Path.Combine(_options.Directory, "journal");

    /// <summary>Opens (or creates) the metastore and recovers it from the journal.</summary>
    public static Metastore Open(MetastoreOptions options, ILogger logger, TimeProvider? time = null, Action<IReadOnlyList<MetadataEffect>>? onEffects = null)
    {
        var problems = options.Validate().ToList();
        if (problems.Count > 0)
        {
            throw new ArgumentException(string.Join(" ", problems), nameof(options));
        }

        var root = Path.GetFullPath(options.Directory);
        var checkpoints = new CheckpointStore(Path.Combine(root, "checkpoints"));
        var storePath = Path.Combine(root, "metastore");
        if (!File.Exists(Path.Combine(storePath, "CURRENT")) && checkpoints.Latest is { } latest)
        {
            if (System.IO.Directory.Exists(storePath))
            {
                System.IO.Directory.Delete(storePath, recursive: true);
            }

            CheckpointStore.CopyTo(latest, storePath);
            LogRestoredFromCheckpoint(logger, latest.Sequence);
        }

        var log = SegmentedJournalLog.Open(Path.Combine(root, "journal"), new JournalLogOptions { FsyncEnabled = options.SyncJournal });
        MetastoreDb db;
        try
        {
            db = MetastoreDb.Open(storePath, options);
        }
        catch
        {
            log.Dispose();
            throw;
        }

        try
        {
            return new Metastore(options, log, db, checkpoints, logger, time ?? TimeProvider.System, onEffects);
        }
        catch
        {
            db.Dispose();
            log.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Restores a backup into <paramref name="directory"/>, which must not hold a metastore or journal yet: the
    /// backup's checkpoint becomes the store and the journal starts after its sequence.
    /// </summary>
    public static long Restore(string backupPath, string directory)
    {
        var root = Path.GetFullPath(directory);
        if (File.Exists(Path.Combine(root, "metastore", "CURRENT")) || (System.IO.Directory.Exists(Path.Combine(root, "journal")) && System.IO.Directory.EnumerateFileSystemEntries(Path.Combine(root, "journal")).Any()))
        {
            throw new InvalidOperationException($"{root} already holds metadata; restore into a fresh data directory.");
        }

        var checkpoints = new CheckpointStore(Path.Combine(root, "checkpoints"));
        var checkpoint = BackupFile.Extract(backupPath, checkpoints);
        CheckpointStore.CopyTo(checkpoint, Path.Combine(root, "metastore"));
        using var log = SegmentedJournalLog.Open(Path.Combine(root, "journal"), new JournalLogOptions());
        log.Reset(checkpoint.Sequence + 1);
        return checkpoint.Sequence;
    }

    /// <summary>Checks the store's structural invariants (see <see cref="ConsistencyChecker"/>); call on a quiet store.</summary>
    public IReadOnlyList<string> CheckConsistency() => ConsistencyChecker.Check(_db, State.NextInodeId);

    /// <summary>A new inode id (never reused, also across restarts once an entry using it is journaled).</summary>
    public long NewInodeId() => Interlocked.Increment(ref _nextInodeId) - 1;

    /// <summary>A new mount id.</summary>
    public long NewMountId() => Interlocked.Increment(ref _nextMountId) - 1;

    /// <summary>Commits an entry; completes once durable and applied.</summary>
    public Task<long> CommitAsync(JournalEntry entry, CancellationToken cancellationToken = default) => Committer.SubmitAsync(entry, cancellationToken);

    /// <summary>Takes a checkpoint now (between batches) and returns it.</summary>
    public async Task<CheckpointInfo> CheckpointAsync(CancellationToken cancellationToken = default)
    {
        CheckpointInfo? taken = null;
        await Committer.RunBetweenBatchesAsync(() => taken = TakeCheckpointOnCommitter(), cancellationToken);
        return taken!;
    }

    /// <summary>Writes a backup file (of a fresh checkpoint) into <paramref name="directory"/> (default backups/).</summary>
    public async Task<(string Path, long Sequence)> BackupAsync(string? directory, CancellationToken cancellationToken = default)
    {
        var checkpoint = await CheckpointAsync(cancellationToken);
        var target = string.IsNullOrEmpty(directory) ? Path.Combine(Path.GetFullPath(_options.Directory), "backups") : directory;
        var path = await Task.Run(() => BackupFile.Write(checkpoint, target, _time.GetUtcNow()), cancellationToken);
        return (path, checkpoint.Sequence);
    }

    private CheckpointInfo TakeCheckpointOnCommitter()
    {
        var sequence = State.AppliedSequence;
        var checkpoint = _checkpoints.Create(sequence, dir => _db.Db.CreateCheckpoint(dir));
        var oldestKept = _checkpoints.Prune(_options.CheckpointsRetained);
        if (oldestKept is not null)
        {
            _log.TruncatePrefix(oldestKept.Sequence);
        }

        Committer.OnCheckpointTaken();
        LogCheckpoint(sequence, checkpoint.Directory);
        return checkpoint;
    }

    private void Replay()
    {
        var applied = State.AppliedSequence;
        if (_log.LastSequence < applied)
        {
            if (_log.FirstSequence > _log.LastSequence)
            {
                // An empty journal behind a store (a restored backup, or a journal reset): continue after the store.
                _log.Reset(applied + 1);
                return;
            }

            throw new InvalidDataException(
                $"The journal ends at {_log.LastSequence} but the store has applied {applied}: the journal in {JournalDirectory} is not this store's.");
        }

        if (_log.FirstSequence > applied + 1)
        {
            throw new InvalidDataException(
                $"The journal starts at {_log.FirstSequence} but the store has applied only {applied}: records {applied + 1}..{_log.FirstSequence - 1} are gone. Restore from a checkpoint or backup.");
        }

        var replayed = 0L;
        var overlay = new StateOverlay(State);
        var last = applied;
        foreach (var record in _log.ReadFrom(applied + 1))
        {
            var entry = JournalEntry.Parser.ParseFrom(record.Payload.Span);
            overlay.BeginEntry();
            try
            {
                MetadataStateMachine.Apply(entry, overlay);
            }
            catch (MetadataConflictException e)
            {
                throw new InvalidDataException($"Journal record {record.Sequence} does not apply to the state it was journaled on: {e.Message}", e);
            }

            overlay.CommitEntry();
            last = record.Sequence;
            replayed++;
            if (replayed % 10_000 == 0)
            {
                State.Publish(overlay.Changes, last);
                overlay = new StateOverlay(State);
            }
        }

        if (last > State.AppliedSequence)
        {
            State.Publish(overlay.Changes, last);
        }

        if (replayed > 0)
        {
            LogReplayed(replayed, applied + 1, last);
        }
    }

    public void Dispose()
    {
        Committer.Dispose();
        _db.Dispose();
        _log.Dispose();
    }

    [LoggerMessage(5101, LogLevel.Information, "Replayed {Count} journal entries ({First}..{Last})")]
    private partial void LogReplayed(long count, long first, long last);

    [LoggerMessage(5102, LogLevel.Information, "Checkpoint at journal sequence {Sequence} written to {Directory}")]
    private partial void LogCheckpoint(long sequence, string directory);

    [LoggerMessage(5103, LogLevel.Warning, "The metadata store was missing; restored it from the checkpoint at sequence {Sequence}")]
    private static partial void LogRestoredFromCheckpoint(ILogger logger, long sequence);
}
