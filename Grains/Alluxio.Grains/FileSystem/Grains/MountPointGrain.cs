using System.Collections.Concurrent;
using Alluxio.Grains.Exceptions;
using Alluxio.Grains.FileSystem.Mounts;
using Alluxio.Grains.FileSystem.Namespace;
using Alluxio.Grains.Paths;
using Alluxio.Runtime;
using Alluxio.Ufs;
using Microsoft.Extensions.Logging;

namespace Alluxio.Grains.FileSystem.Grains;

/// <summary>
/// One mount's UFS usage and active sync. The watchers' notifications are queued as they arrive (off the grain's
/// turns) and drained by a grain timer, which re-syncs each touched directory through its directory grain; a lost
/// notification ("rescan") re-syncs the whole subtree. The timer keeps the activation alive while anything is watched.
/// </summary>
public sealed partial class MountPointGrain(
    NamespaceReader reader,
    UfsManager ufs,
    FileSystemMaster master,
    TimeProvider time,
    ILogger<MountPointGrain> logger) : Grain, IMountPointGrain
{
    private static readonly TimeSpan InfoMaxAge = TimeSpan.FromSeconds(5);
    private readonly Dictionary<string, ActiveWatch> _watches = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<UfsChange> _changes = new();
    private IGrainTimer? _timer;
    private MountInfo? _info;
    private DateTimeOffset _infoAt;

    private long MountId => this.GetPrimaryKeyLong();

    /// <summary>How often queued UFS changes are applied (active sync interval).</summary>
    public static TimeSpan SyncInterval { get; set; } = TimeSpan.FromMilliseconds(500);

    public async Task<MountInfo> GetInfo()
    {
        var mount = reader.State.GetMount(MountId) ?? throw new FileDoesNotExistException($"Mount {MountId} does not exist.");
        var now = time.GetUtcNow();
        if (_info is not null && _info.UfsUri == mount.UfsUri && _info.ReadOnly == mount.ReadOnly && now - _infoAt < InfoMaxAge
            && _info.Properties.Count == mount.Properties.Count && _info.Shared == mount.Shared)
        {
            return _info;
        }

        long capacity = 0, used = 0;
        try
        {
            var space = await ufs.Get(mount).GetSpaceAsync();
            capacity = space.TotalBytes;
            used = space.UsedBytes;
        }
        catch (UfsException e)
        {
            LogSpaceUnavailable(mount.AlluxioPath, e.Message);
        }

        _info = new MountInfo(mount.AlluxioPath, mount.UfsUri, MountTable.UfsType(mount.UfsUri), mount.MountId, mount.ReadOnly, mount.Shared,
            mount.Properties.ToDictionary(p => p.Key, p => p.Value), capacity, used);
        _infoAt = now;
        return _info;
    }

    public async Task StartWatching(string alluxioPath)
    {
        alluxioPath = AlluxioPath.Normalize(alluxioPath);
        if (_watches.ContainsKey(alluxioPath))
        {
            return;
        }

        var mount = reader.State.GetMount(MountId) ?? throw new FileDoesNotExistException($"Mount {MountId} does not exist.");
        var watcher = ufs.Get(mount).Watch(MountTable.UfsRelativePath(mount, alluxioPath))
            ?? throw new FailedPreconditionException($"The UFS of {mount.AlluxioPath} does not support active sync.");
        var stop = new CancellationTokenSource();
        var pump = Task.Run(() => PumpAsync(watcher, stop.Token));
        _watches[alluxioPath] = new ActiveWatch(watcher, stop, pump);
        _timer ??= this.RegisterGrainTimer(
            _ => DrainAsync(),
            new GrainTimerCreationOptions(SyncInterval, SyncInterval) { KeepAlive = true });
        LogWatching(alluxioPath);
        await Task.CompletedTask;
    }

    public async Task StopWatching(string alluxioPath)
    {
        alluxioPath = AlluxioPath.Normalize(alluxioPath);
        if (!_watches.Remove(alluxioPath, out var watch))
        {
            return;
        }

        await watch.DisposeAsync();
        if (_watches.Count == 0)
        {
            _timer?.Dispose();
            _timer = null;
        }
    }

    public Task<IReadOnlyList<string>> GetWatchedPaths() => Task.FromResult<IReadOnlyList<string>>([.. _watches.Keys]);

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        foreach (var watch in _watches.Values)
        {
            await watch.DisposeAsync();
        }

        _watches.Clear();
    }

    private async Task PumpAsync(IUfsChangeWatcher watcher, CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var batch in watcher.ReadBatchesAsync(cancellationToken).ConfigureAwait(false))
            {
                foreach (var change in batch)
                {
                    _changes.Enqueue(change);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Stopped.
        }
        catch (Exception e)
        {
            LogWatchFailed(watcher.Path, e);
            _changes.Enqueue(new UfsChange(UfsChangeKind.RescanNeeded, watcher.Path));
        }
    }

    /// <summary>Applies the queued changes (on the grain's turn, from the timer).</summary>
    private async Task DrainAsync()
    {
        if (_changes.IsEmpty || reader.State.GetMount(MountId) is not { } mount)
        {
            return;
        }

        var directories = new HashSet<string>(StringComparer.Ordinal);
        var rescans = new HashSet<string>(StringComparer.Ordinal);
        while (_changes.TryDequeue(out var change))
        {
            var path = ToAlluxioPath(mount.AlluxioPath, change.Path);
            if (change.Kind == UfsChangeKind.RescanNeeded)
            {
                rescans.Add(path);
                continue;
            }

            directories.Add(AlluxioPath.Parent(path) ?? AlluxioPath.Root);
            if (change.Kind is UfsChangeKind.Created or UfsChangeKind.Renamed)
            {
                // inotify may miss entries created at once inside a new directory: list the new directory too.
                directories.Add(path);
            }

            if (change.OldPath is { } old)
            {
                directories.Add(AlluxioPath.Parent(ToAlluxioPath(mount.AlluxioPath, old)) ?? AlluxioPath.Root);
            }
        }

        foreach (var directory in directories.Where(d => !rescans.Any(r => AlluxioPath.IsSameOrAncestor(r, d))).OrderBy(d => d.Length))
        {
            await ResyncAsync(directory);
        }

        foreach (var rescan in rescans)
        {
            try
            {
                await master.LoadMetadataAsync(rescan, recursive: true, force: true, Alluxio.Grains.Security.CallerIdentity.OfUser(Environment.UserName));
            }
            catch (AlluxioException e)
            {
                LogResyncFailed(rescan, e.Message);
            }
        }
    }

    private async Task ResyncAsync(string directory)
    {
        // A directory that Alluxio does not know yet appears when its nearest known ancestor is re-synced.
        var resolved = reader.Resolve(directory);
        var known = resolved.Exists ? resolved.Target! : resolved.Deepest;
        if (!known.IsDirectory)
        {
            return;
        }

        try
        {
            var grain = GrainFactory.GetGrain<IDirectoryGrain>(known.Id);
            await grain.Invalidate();
            await grain.SyncChildren(0, force: true);
        }
        catch (AlluxioException e)
        {
            LogResyncFailed(directory, e.Message);
        }
    }

    private static string ToAlluxioPath(string mountPath, string relative) =>
        relative.Length == 0 ? mountPath : AlluxioPath.Join(mountPath, relative.Trim('/'));

    private sealed record ActiveWatch(IUfsChangeWatcher Watcher, CancellationTokenSource Stop, Task Pump) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await Stop.CancelAsync();
            await Watcher.DisposeAsync();
            try
            {
                await Pump;
            }
            catch (OperationCanceledException)
            {
                // Stopped.
            }

            Stop.Dispose();
        }
    }

    [LoggerMessage(7101, LogLevel.Information, "Active sync watching {Path}")]
    private partial void LogWatching(string path);

    [LoggerMessage(7102, LogLevel.Warning, "The watcher of {Path} failed; its subtree will be re-listed")]
    private partial void LogWatchFailed(string path, Exception exception);

    [LoggerMessage(7103, LogLevel.Warning, "Active sync could not re-sync {Path}: {Reason}")]
    private partial void LogResyncFailed(string path, string reason);

    [LoggerMessage(7104, LogLevel.Debug, "UFS space of {Path} unavailable: {Reason}")]
    private partial void LogSpaceUnavailable(string path, string reason);
}
