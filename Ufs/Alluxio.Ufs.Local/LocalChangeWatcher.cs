using System.Runtime.CompilerServices;
using System.Threading.Channels;

namespace Alluxio.Ufs.Local;

/// <summary>
/// Active sync for a local directory tree: a recursive <see cref="FileSystemWatcher"/> (inotify) whose notifications
/// are turned into mount-relative <see cref="UfsChange"/>s, stripped of the connector's own temp entries (a commit,
/// temp → target, is reported as <see cref="UfsChangeKind.Created"/> of the target; a recursive delete, target →
/// trash, as <see cref="UfsChangeKind.Deleted"/>), and delivered in batches: after the first notification the
/// watcher waits <see cref="LocalUnderFileSystemOptions.WatchBatchWindow"/>, then hands over everything queued (at most
/// <see cref="LocalUnderFileSystemOptions.WatchMaxBatchSize"/>, duplicates removed).
/// <para>
/// Lost notifications become one <see cref="UfsChangeKind.RescanNeeded"/> of the watched path: when the kernel queue
/// overflows (the watcher's Error event), when the bounded raw queue is full (a slow consumer backs it up through the
/// bounded batch queue), or when the watcher fails. inotify limits apply: a directory created and filled at once may
/// have its first entries unreported, so consumers should list a directory reported as created.
/// </para>
/// Thread-safety: notifications arrive on the watcher's thread and only touch thread-safe channels; one consumer
/// reads batches; <see cref="DisposeAsync"/> is idempotent and callable from any thread.
/// </summary>
internal sealed class LocalChangeWatcher : IUfsChangeWatcher
{
    private readonly FileSystemWatcher _watcher;
    private readonly Channel<UfsChange> _raw;
    private readonly Channel<IReadOnlyList<UfsChange>> _batches;
    private readonly CancellationTokenSource _stop = new();
    private readonly LocalUnderFileSystemOptions _options;
    private readonly UfsChange _rescan;
    private readonly Task _pump;
    private readonly Action? _onDisposed;
    private int _lost;
    private int _dropped;
    private int _disposed;

    internal LocalChangeWatcher(string hostDirectory, string path, LocalUnderFileSystemOptions options, Action? onDisposed = null)
    {
        Path = path;
        _onDisposed = onDisposed;
        _options = options;
        _rescan = new UfsChange(UfsChangeKind.RescanNeeded, path);
        _raw = Channel.CreateBounded<UfsChange>(new BoundedChannelOptions(options.WatchQueueCapacity)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait, // TryWrite then fails instead of blocking the watcher thread.
        });
        _batches = Channel.CreateBounded<IReadOnlyList<UfsChange>>(new BoundedChannelOptions(options.WatchBatchCapacity)
        {
            SingleReader = true,
            SingleWriter = true,
        });
        _watcher = new FileSystemWatcher(hostDirectory)
        {
            IncludeSubdirectories = true,
            NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite |
                           NotifyFilters.Size | NotifyFilters.Attributes | NotifyFilters.Security | NotifyFilters.CreationTime,
            InternalBufferSize = 64 * 1024,
        };
        _watcher.Created += (_, e) => Post(UfsChangeKind.Created, e.Name);
        _watcher.Changed += (_, e) => Post(UfsChangeKind.Changed, e.Name);
        _watcher.Deleted += (_, e) => Post(UfsChangeKind.Deleted, e.Name);
        _watcher.Renamed += (_, e) => OnRenamed(e.OldName, e.Name);
        _watcher.Error += (_, _) => Lose();
        try
        {
            _watcher.EnableRaisingEvents = true;
        }
        catch
        {
            _watcher.Dispose();
            _stop.Dispose();
            throw;
        }

        _pump = Task.Run(PumpAsync);
    }

    /// <inheritdoc/>
    public string Path { get; }

    /// <summary>How many raw notifications were dropped because the raw queue was full (for tests).</summary>
    internal int DroppedCount => Volatile.Read(ref _dropped);

    /// <summary>How many raw notifications wait for the next batch (for tests).</summary>
    internal int PendingCount => _raw.Reader.Count;

    /// <inheritdoc/>
    public async IAsyncEnumerable<IReadOnlyList<UfsChange>> ReadBatchesAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var batch in _batches.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
        {
            yield return batch;
        }
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        _watcher.EnableRaisingEvents = false;
        _watcher.Dispose();
        _raw.Writer.TryComplete();
        await _stop.CancelAsync().ConfigureAwait(false);
        await _pump.ConfigureAwait(false); // never faults: the pump completes the batch channel instead.
        _batches.Writer.TryComplete();
        _stop.Dispose();
        _onDisposed?.Invoke();
    }

    private void OnRenamed(string? oldName, string? newName)
    {
        var oldInternal = oldName is null || InternalNames.ContainsInternal(oldName);
        var newInternal = newName is null || InternalNames.ContainsInternal(newName);
        switch (oldInternal, newInternal)
        {
            case (true, false):
                Post(UfsChangeKind.Created, newName); // a commit: temp -> target
                break;
            case (false, true):
                Post(UfsChangeKind.Deleted, oldName); // a recursive delete: target -> trash
                break;
            case (false, false):
                Post(UfsChangeKind.Renamed, newName, oldName);
                break;
        }
    }

    private void Post(UfsChangeKind kind, string? name, string? oldName = null)
    {
        if (name is null || InternalNames.ContainsInternal(name) || !TryPath(name, out var path))
        {
            return;
        }

        string? oldPath = null;
        if (oldName is not null && !TryPath(oldName, out oldPath))
        {
            return;
        }

        if (!_raw.Writer.TryWrite(new UfsChange(kind, path, oldPath)))
        {
            Lose(); // before counting: whoever sees the count also sees the rescan flag
            Interlocked.Increment(ref _dropped);
        }
    }

    private bool TryPath(string name, out string path) => UfsPath.TryNormalize(Path + "/" + name, out path);

    private void Lose()
    {
        Volatile.Write(ref _lost, 1);
        _raw.Writer.TryWrite(_rescan); // wakes the pump if the queue has room; if not, the pump is awake anyway.
    }

    private async Task PumpAsync()
    {
        try
        {
            await PumpBatchesAsync(_stop.Token).ConfigureAwait(false);
            _batches.Writer.TryComplete();
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
            _batches.Writer.TryComplete();
        }
        catch (Exception e)
        {
            // The consumer sees the failure when it reads; it must rescan after re-watching.
            _batches.Writer.TryComplete(e);
        }
    }

    private async Task PumpBatchesAsync(CancellationToken stop)
    {
        var reader = _raw.Reader;
        while (await reader.WaitToReadAsync(stop).ConfigureAwait(false))
        {
            await Task.Delay(_options.WatchBatchWindow, _options.TimeProvider, stop).ConfigureAwait(false);
            var batch = new List<UfsChange>();
            var seen = new HashSet<UfsChange>();
            while (batch.Count < _options.WatchMaxBatchSize && reader.TryRead(out var change))
            {
                if (seen.Add(change))
                {
                    batch.Add(change);
                }
            }

            if (Interlocked.Exchange(ref _lost, 0) != 0)
            {
                // Whatever is queued is covered by the rescan.
                while (reader.TryRead(out _))
                {
                }

                batch = [_rescan];
            }

            if (batch.Count > 0)
            {
                await _batches.Writer.WriteAsync(batch, stop).ConfigureAwait(false);
            }
        }
    }
}
