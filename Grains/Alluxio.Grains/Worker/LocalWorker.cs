using System.Globalization;
using Alluxio.Grains.Blocks;
using Alluxio.Grains.Exceptions;
using Alluxio.Grains.FileSystem;
using Alluxio.Grains.FileSystem.Mounts;
using Alluxio.Runtime;
using Alluxio.Runtime.Threading;
using Alluxio.Tiers.Store;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Alluxio.Grains.Worker;

/// <summary>
/// The silo's worker: its tier store, its reports to the block master (registration, a synchronous report of every
/// committed block, heartbeats with moves and removals, commands back), and the data path the BlockWorker service
/// serves (<c>LocalWorker.Read.cs</c>, <c>.Write.cs</c>, <c>.Load.cs</c>). Background loops: heartbeat, promotion,
/// tier health. Thread-safe.
/// <para>
/// Single-silo composition: the worker asks the master in its own process where a missed block lives in the UFS
/// (<see cref="FileSystemMaster.ResolveBlockSource"/>); the block master is reached through its grain.
/// </para>
/// </summary>
public sealed partial class LocalWorker(
    IOptions<WorkerOptions> options,
    FileSystemMaster master,
    UfsManager ufs,
    IGrainFactory grains,
    Metrics.MetricsRegistry metrics,
    ILogger<LocalWorker> logger) : IAsyncDisposable
{
    private readonly WorkerOptions _options = options.Value;
    private readonly BlockChangeLog _changes = new();
    private readonly CancellationTokenSource _stopping = new();
    private readonly List<Task> _loops = [];
    private TieredBlockStore? _store;
    private DedicatedThreadScheduler? _background;

    /// <summary>This worker's id (stable across restarts: kept in the data directory).</summary>
    public long WorkerId { get; private set; }

    /// <summary>The gRPC address clients reach this worker at.</summary>
    public string Address { get; private set; } = "";

    /// <summary>The host name clients compare with their own for locality.</summary>
    public string Host => _options.Host.Length > 0 ? _options.Host : Environment.MachineName;

    /// <summary>The tier store (after <see cref="StartAsync"/>).</summary>
    public IBlockStore Store => _store ?? throw new UnavailableException("The worker is not started.");

    private IBlockMasterGrain BlockMaster => grains.GetGrain<IBlockMasterGrain>(0);

    /// <summary>Opens the tier store (recovering it from disk), registers with the block master and starts the loops.</summary>
    public async Task StartAsync(string dataDirectory, string address, CancellationToken cancellationToken)
    {
        Address = address;
        WorkerId = LoadOrCreateWorkerId(dataDirectory);
        var tiers = _options.EffectiveTiers(dataDirectory);
        _store = TieredBlockStore.Open(tiers, logger: logger);
        _store.Listener = _changes;
        await RegisterAsync(starting: true);
        LogStarted(WorkerId, string.Join(", ", _store.GetReport().Select(t => $"{t.Alias} {t.CapacityBytes / (1 << 20)} MiB in {t.Directories.Count} dir(s)")), _store.GetBlocks().Count);
        _loops.Add(Loop(_options.HeartbeatInterval, HeartbeatAsync));
        _loops.Add(Loop(_options.PromotionInterval, async token => await Store.PromoteAsync(token)));
        _loops.Add(Loop(_options.HealthCheckInterval, _ => { Store.CheckHealth(); return Task.CompletedTask; }));
        // Background caching runs on threads of its own: it never starves the thread pool's few threads (requests
        // would wait for it otherwise).
        _background = new DedicatedThreadScheduler("alluxio-async-cache", _options.AsyncCacheConcurrency);
        for (var i = 0; i < _options.AsyncCacheConcurrency; i++)
        {
            _loops.Add(Task.Factory.StartNew(() => AsyncCacheLoopAsync(_stopping.Token), CancellationToken.None, TaskCreationOptions.DenyChildAttach, _background).Unwrap());
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_stopping.IsCancellationRequested)
        {
            return;
        }

        await _stopping.CancelAsync();
        _asyncCache.Writer.TryComplete();
        try
        {
            // Forced to yield: the last loop ends on a background thread, which must not run the rest of the shutdown.
            await Task.WhenAll(_loops).ConfigureAwait(ConfigureAwaitOptions.ForceYielding);
        }
        catch (OperationCanceledException)
        {
        }

        _background?.Dispose();
        _store?.Dispose();
        _stopping.Dispose();
    }

    /// <summary>
    /// Introduces the worker and all its blocks to the block master, and drops those of no file. At start-up the drops
    /// are awaited (nothing reads the blocks yet, and no write may meet a stale block of its id); a re-registration
    /// drops them in the background, as a heartbeat's removals.
    /// </summary>
    private async Task RegisterAsync(bool starting = false)
    {
        _ = _changes.Drain(); // registration carries the full list
        var blocks = Store.GetBlocks().Select(b => new BlockPlacement(b.BlockId, b.Length, b.TierAlias)).ToList();
        var registered = await BlockMaster.RegisterWorker(new WorkerRegistration(WorkerId, Address, Host, Usage(), blocks));
        Store.ReplacePinned(registered.Pinned);
        foreach (var blockId in registered.Orphans)
        {
            if (starting)
            {
                await RemoveQuietlyAsync(blockId, _stopping.Token);
            }
            else
            {
                _ = RemoveQuietlyAsync(blockId, _stopping.Token);
            }
        }

        if (registered.Orphans.Count > 0)
        {
            LogOrphansDropped(registered.Orphans.Count);
        }
    }

    /// <summary>One heartbeat: usage and the changes since the last one; then the master's commands.</summary>
    internal async Task HeartbeatAsync(CancellationToken cancellationToken)
    {
        var (added, removed) = _changes.Drain();
        WorkerCommand command;
        try
        {
            command = await BlockMaster.Heartbeat(new WorkerHeartbeat(WorkerId, Usage(), added, removed));
        }
        catch
        {
            _changes.Restore(added, removed);
            throw;
        }

        if (command.Register)
        {
            await RegisterAsync();
        }

        foreach (var blockId in command.Pin ?? [])
        {
            Store.SetPinned(blockId, pinned: true);
        }

        foreach (var blockId in command.Unpin ?? [])
        {
            Store.SetPinned(blockId, pinned: false);
        }

        foreach (var blockId in command.RemoveBlocks)
        {
            // Not awaited here: a removal waits for the block's readers, and a slow reader must not hold up heartbeats.
            _ = RemoveQuietlyAsync(blockId, cancellationToken);
        }
    }

    private async Task RemoveQuietlyAsync(long blockId, CancellationToken cancellationToken)
    {
        try
        {
            await Store.RemoveBlockAsync(blockId, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogLoopFailed($"removing block {blockId}: {e.Message}", e);
        }
        catch (OperationCanceledException)
        {
            // Stopping: the block stays; the master asks again after the restart.
        }
    }

    private List<TierUsage> Usage() => [.. Store.GetReport().Select(t => new TierUsage(t.Alias, t.CapacityBytes, t.UsedBytes))];

    private async Task Loop(TimeSpan interval, Func<CancellationToken, Task> body)
    {
        using var timer = new PeriodicTimer(interval);
        while (await timer.WaitForNextTickAsync(_stopping.Token).ConfigureAwait(false))
        {
            try
            {
                await body(_stopping.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                LogLoopFailed(e.Message, e);
            }
        }
    }

    private static long LoadOrCreateWorkerId(string dataDirectory)
    {
        var path = Path.Combine(dataDirectory, "worker-id");
        if (File.Exists(path) && long.TryParse(File.ReadAllText(path).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0)
        {
            return id;
        }

        id = Random.Shared.NextInt64(1, long.MaxValue);
        Directory.CreateDirectory(dataDirectory);
        File.WriteAllText(path + ".tmp", id.ToString(CultureInfo.InvariantCulture));
        File.Move(path + ".tmp", path, overwrite: true);
        return id;
    }

    [LoggerMessage(8101, LogLevel.Information, "Worker {WorkerId} started: {Tiers}; {Blocks} blocks recovered")]
    private partial void LogStarted(long workerId, string tiers, int blocks);

    [LoggerMessage(8102, LogLevel.Warning, "Worker background task failed: {Reason}")]
    private partial void LogLoopFailed(string reason, Exception exception);

    [LoggerMessage(8103, LogLevel.Warning, "Block {BlockId} could not be cached: {Reason}")]
    private partial void LogNotCached(long blockId, string reason);

    [LoggerMessage(8104, LogLevel.Information, "Dropped {Count} cached blocks that belong to no file of this namespace")]
    private partial void LogOrphansDropped(int count);
}
