using System.Threading.Channels;
using Alluxio.Metastore.Journal.Log;
using Alluxio.Metastore.Store;
using Alluxio.Protos.Meta;
using Google.Protobuf;
using Microsoft.Extensions.Logging;

namespace Alluxio.Metastore.Journal;

/// <summary>
/// The single writer of the metadata: takes the entries submitted since the last batch, validates each against the
/// state (plus the entries before it in the batch), appends the accepted ones to the journal log in one durable write
/// (group commit), applies them to the committed state, and only then completes their tasks. An entry that does not
/// fit fails alone with <see cref="MetadataConflictException"/>. Control actions (checkpoints) run between batches,
/// when the state is exactly the log's prefix.
/// </summary>
/// <remarks>
/// Invariants: (1) an acknowledged entry is in the durable log and in the committed state; (2) the committed state is
/// the result of applying log records 1..AppliedSequence in order; (3) a failure to append fails the whole batch and
/// leaves state and log as they were; a failure to apply after a durable append stops the committer (restart replays).
/// </remarks>
public sealed partial class JournalCommitter : IDisposable
{
    private readonly IJournalLog _log;
    private readonly CommittedState _state;
    private readonly MetastoreOptions _options;
    private readonly ILogger _logger;
    private readonly Channel<JournalProposal> _queue;
    private readonly Thread _thread;
    private readonly Action<IReadOnlyList<MetadataEffect>>? _onEffects;
    private Exception? _fatal;

    public JournalCommitter(IJournalLog log, CommittedState state, MetastoreOptions options, ILogger logger, Action<IReadOnlyList<MetadataEffect>>? onEffects)
    {
        _log = log;
        _state = state;
        _options = options;
        _logger = logger;
        _onEffects = onEffects;
        _queue = Channel.CreateBounded<JournalProposal>(new BoundedChannelOptions(options.QueueCapacity)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
        _thread = new Thread(Run) { IsBackground = true, Name = "journal committer" };
        _thread.Start();
    }

    /// <summary>Entries committed since the last checkpoint (the committer's count).</summary>
    public long EntriesSinceCheckpoint { get; internal set; }

    /// <summary>Batches appended to the log since start (each one write and one fsync).</summary>
    public long BatchesCommitted => Interlocked.Read(ref _batches);

    /// <summary>Entries appended to the log since start.</summary>
    public long EntriesCommitted => Interlocked.Read(ref _entries);

    private long _batches;
    private long _entries;

    /// <summary>Called on the committer thread when a checkpoint is due.</summary>
    public Action? CheckpointDue { get; set; }

    /// <summary>Submits an entry; completes with its sequence number once durable and applied.</summary>
    public async Task<long> SubmitAsync(JournalEntry entry, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ThrowIfFailed();
        var proposal = new JournalProposal(entry);
        await Enqueue(proposal, cancellationToken);
        return await proposal.Done.Task;
    }

    /// <summary>Runs <paramref name="action"/> on the committer thread between batches (state = log prefix).</summary>
    public async Task RunBetweenBatchesAsync(Action action, CancellationToken cancellationToken = default)
    {
        ThrowIfFailed();
        var proposal = new JournalProposal(null, action);
        await Enqueue(proposal, cancellationToken);
        await proposal.Done.Task;
    }

    private async ValueTask Enqueue(JournalProposal proposal, CancellationToken cancellationToken)
    {
        try
        {
            await _queue.Writer.WriteAsync(proposal, cancellationToken);
        }
        catch (ChannelClosedException)
        {
            throw new JournalUnavailableException("The journal is closed.");
        }
    }

    private void ThrowIfFailed()
    {
        if (_fatal is { } fatal)
        {
            throw new JournalUnavailableException("The journal committer stopped after a failure; restart the silo to recover from the journal.", fatal);
        }
    }

    private void Run()
    {
        var reader = _queue.Reader;
        var batch = new List<JournalProposal>(_options.MaxBatchEntries);
        JournalProposal? held = null;
        while (held is not null || reader.WaitToReadAsync().AsTask().GetAwaiter().GetResult())
        {
            batch.Clear();
            JournalProposal? control = null;
            if (held is not null)
            {
                control = held.Control is not null ? held : null;
                if (control is null)
                {
                    batch.Add(held);
                }

                held = null;
            }

            while (control is null && batch.Count < _options.MaxBatchEntries && reader.TryRead(out var next))
            {
                if (next.Control is not null)
                {
                    if (batch.Count == 0)
                    {
                        control = next;
                    }
                    else
                    {
                        held = next;
                        break;
                    }
                }
                else
                {
                    batch.Add(next);
                }
            }

            if (batch.Count > 0)
            {
                CommitBatch(batch);
            }

            if (control is not null)
            {
                RunControl(control);
            }
        }
    }

    private void CommitBatch(List<JournalProposal> batch)
    {
        if (_fatal is not null)
        {
            foreach (var p in batch)
            {
                p.Done.TrySetException(new JournalUnavailableException("The journal committer stopped after a failure; restart the silo.", _fatal));
            }

            return;
        }

        var overlay = new StateOverlay(_state);
        var records = new List<JournalRecord>(batch.Count);
        var accepted = new List<(JournalProposal Proposal, long Sequence)>(batch.Count);
        var sequence = _log.LastSequence;
        foreach (var proposal in batch)
        {
            overlay.BeginEntry();
            try
            {
                MetadataStateMachine.Apply(proposal.Entry!, overlay);
                overlay.CommitEntry();
            }
            catch (Exception e)
            {
                overlay.RollbackEntry();
                proposal.Done.TrySetException(e);
                continue;
            }

            sequence++;
            records.Add(new JournalRecord(sequence, proposal.Entry!.ToByteArray()));
            accepted.Add((proposal, sequence));
        }

        if (accepted.Count == 0)
        {
            return;
        }

        try
        {
            _log.Append(records);
        }
        catch (Exception e)
        {
            LogAppendFailed(e, accepted.Count);
            var failure = new JournalUnavailableException($"Could not write the journal: {e.Message}", e);
            foreach (var (proposal, _) in accepted)
            {
                proposal.Done.TrySetException(failure);
            }

            return;
        }

        try
        {
            _state.Publish(overlay.Changes, sequence);
        }
        catch (Exception e)
        {
            // Durable but not applied: the in-memory state can no longer be trusted to match the log. Stop; a restart
            // replays the journal into the store.
            _fatal = e;
            LogApplyFailed(e, sequence);
            foreach (var (proposal, _) in accepted)
            {
                proposal.Done.TrySetException(new JournalUnavailableException("The entry is journaled but could not be applied; restart the silo.", e));
            }

            return;
        }

        Interlocked.Increment(ref _batches);
        Interlocked.Add(ref _entries, accepted.Count);
        foreach (var (proposal, seq) in accepted)
        {
            proposal.Done.TrySetResult(seq);
        }

        if (overlay.Effects.Count > 0 && _onEffects is not null)
        {
            try
            {
                _onEffects(overlay.Effects);
            }
            catch (Exception e)
            {
                LogEffectsFailed(e);
            }
        }

        EntriesSinceCheckpoint += accepted.Count;
        if (EntriesSinceCheckpoint >= _options.CheckpointPeriodEntries && CheckpointDue is { } due)
        {
            try
            {
                due();
            }
            catch (Exception e)
            {
                LogCheckpointFailed(e);
            }
        }
    }

    private void RunControl(JournalProposal control)
    {
        try
        {
            control.Control!();
            control.Done.TrySetResult(_state.AppliedSequence);
        }
        catch (Exception e)
        {
            control.Done.TrySetException(e);
        }
    }

    /// <summary>Resets the checkpoint counter (called by a checkpoint, on the committer thread).</summary>
    internal void OnCheckpointTaken() => EntriesSinceCheckpoint = 0;

    /// <summary>Stops accepting entries and finishes the queued ones.</summary>
    public void Dispose()
    {
        _queue.Writer.TryComplete();
        _thread.Join();
    }

    [LoggerMessage(5001, LogLevel.Error, "Appending {Count} entries to the journal failed; they were refused")]
    private partial void LogAppendFailed(Exception exception, int count);

    [LoggerMessage(5002, LogLevel.Critical, "Journal entries up to {Sequence} are durable but could not be applied; the committer stopped")]
    private partial void LogApplyFailed(Exception exception, long sequence);

    [LoggerMessage(5003, LogLevel.Warning, "A metadata listener failed")]
    private partial void LogEffectsFailed(Exception exception);

    [LoggerMessage(5004, LogLevel.Error, "Taking an automatic checkpoint failed")]
    private partial void LogCheckpointFailed(Exception exception);
}
