using Alluxio.Tiers.Allocation;
using Alluxio.Tiers.Annotation;
using Alluxio.Tiers.Files;
using Alluxio.Tiers.Options;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Alluxio.Tiers.Store;

/// <summary>
/// The worker's tiered block store (see <see cref="IBlockStore"/> for the contract).
/// <para>
/// Lock hierarchy, top to bottom (a thread holding one never takes one above it):
/// <list type="number">
/// <item><c>_lock</c>: the whole index — tiers' space accounting, block entries and their states and reader counts,
/// temp blocks, pins, the access clock. Held for microseconds: never across file I/O, an await, or a listener call.</item>
/// <item>Block states (<see cref="BlockState"/>) and reader counts are not locks but claims, taken and dropped under
/// <c>_lock</c>: whoever moves a block to <see cref="BlockState.Moving"/> or <see cref="BlockState.Removing"/> owns its
/// files until it sets the state back (or to <see cref="BlockState.Gone"/>), and may do so only while it has no
/// readers; a reader count above zero keeps everyone else from moving or deleting the files.</item>
/// <item>A temp block's file belongs to its single writer.</item>
/// </list>
/// Files: a block id's files in <c>blocks/</c> are created and deleted only by the holder of that id's claim (the temp
/// slot while committing, the Moving/Removing state otherwise), and the claim is released only after the last file
/// operation — so no late delete can take the files of a newer copy of the same id.
/// Invariants (checked by the tests): for each directory, Committed = the sum of its blocks' lengths and Reserved = the
/// sum of its temp blocks' and incoming moves' reservations; a block id is in at most one of the committed index and
/// the temp set; a committed block has its data file and sidecar in its directory's <c>blocks/</c>.
/// </para>
/// </summary>
public sealed partial class TieredBlockStore : IBlockStore
{
    private const int MaxReserveRounds = 32;

    private readonly Lock _lock = new();
    private readonly TieredStoreOptions _options;
    private readonly IBlockFileSystem _files;
    private readonly ILogger _logger;
    private readonly StorageTier[] _tiers;
    private readonly IBlockAllocator _allocator;
    private readonly IBlockAnnotator _annotator;
    private readonly Dictionary<long, BlockEntry> _blocks = [];
    private readonly Dictionary<long, TempBlock> _temp = [];
    private readonly HashSet<long> _pinned = [];
    private readonly List<IDisposable> _directoryLocks = [];
    private TaskCompletionSource _spaceFreed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private volatile IBlockStoreListener? _listener;
    private long _clock;
    private long _nonce;
    private bool _disposed;

    private TieredBlockStore(TieredStoreOptions options, IBlockFileSystem files, ILogger logger)
    {
        _options = options;
        _files = files;
        _logger = logger;
        _tiers = new StorageTier[options.Tiers.Count];
        for (var t = 0; t < _tiers.Length; t++)
        {
            var tier = new StorageTier(options.Tiers[t].Alias, t, options.SyncOnCommit(t), options.TrustCheckedBlocks(t));
            foreach (var dir in options.Tiers[t].Directories)
            {
                tier.Directories.Add(new StorageDirectory(tier, Path.GetFullPath(dir.Path), dir.QuotaBytes));
            }

            _tiers[t] = tier;
        }

        _allocator = options.Allocator switch
        {
            AllocatorKind.RoundRobin => new RoundRobinAllocator(),
            AllocatorKind.Greedy => new GreedyAllocator(),
            _ => new MaxFreeAllocator(),
        };
        _annotator = options.Annotator == AnnotatorKind.Lrfu
            ? new LrfuAnnotator(options.LrfuStepFactor, options.LrfuAttenuationFactor)
            : new LruAnnotator();
    }

    /// <summary>
    /// Opens the store: validates the options, creates missing directories, deletes temp blocks left by a crash and
    /// rebuilds the index from the committed blocks on disk (damaged or half-committed ones are deleted).
    /// </summary>
    public static TieredBlockStore Open(TieredStoreOptions options, IBlockFileSystem? files = null, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var store = new TieredBlockStore(options, files ?? PhysicalBlockFileSystem.Instance, logger ?? NullLogger.Instance);
        try
        {
            store.LockDirectories();
            store.Recover();
            return store;
        }
        catch
        {
            store.Dispose();
            throw;
        }
    }

    /// <summary>Told about every later change (recovered blocks are in <see cref="GetBlocks"/>, not announced).</summary>
    public IBlockStoreListener? Listener
    {
        get => _listener;
        set => _listener = value;
    }

    public IReadOnlyList<TierReport> GetReport()
    {
        lock (_lock)
        {
            return [.. _tiers.Select(t => new TierReport(t.Alias, t.Ordinal, t.Capacity, t.Used, [.. t.Directories.Select(d => d.Report())]))];
        }
    }

    public BlockInfo? GetBlock(long blockId)
    {
        lock (_lock)
        {
            return _blocks.TryGetValue(blockId, out var block) && block.State != BlockState.Gone ? Info(block) : null;
        }
    }

    public IReadOnlyList<BlockInfo> GetBlocks()
    {
        lock (_lock)
        {
            return [.. _blocks.Values.Select(Info)];
        }
    }

    public void SetPinned(long blockId, bool pinned)
    {
        lock (_lock)
        {
            _ = pinned ? _pinned.Add(blockId) : _pinned.Remove(blockId);
        }
    }

    public void ReplacePinned(IEnumerable<long> blockIds)
    {
        var set = blockIds.ToHashSet();
        lock (_lock)
        {
            _pinned.Clear();
            _pinned.UnionWith(set);
        }
    }

    /// <summary>Stops the store: later calls fail with <see cref="ObjectDisposedException"/>, the directory locks are released. Files stay.</summary>
    public void Dispose()
    {
        lock (_lock)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            _spaceFreed.TrySetResult();
        }

        foreach (var directoryLock in _directoryLocks)
        {
            directoryLock.Dispose();
        }
    }

    /// <summary>Creates and locks every tier directory; a directory another store holds stops the start-up.</summary>
    private void LockDirectories()
    {
        foreach (var dir in _tiers.SelectMany(t => t.Directories))
        {
            try
            {
                _files.CreateDirectory(dir.Path);
                _directoryLocks.Add(_files.Lock(dir.Path));
            }
            catch (IOException e)
            {
                throw new Exceptions.BlockStoreException($"tier {dir.Tier.Alias} directory {dir.Path} is in use by another worker (or cannot be locked): {e.Message}", e);
            }
        }
    }

    /// <summary>Checks the invariants of the index against itself (tests and diagnostics); returns the violations.</summary>
    internal IReadOnlyList<string> CheckInvariants()
    {
        var problems = new List<string>();
        lock (_lock)
        {
            foreach (var dir in _tiers.SelectMany(t => t.Directories))
            {
                var committed = dir.Blocks.Values.Sum(b => b.Length);
                if (committed != dir.Committed)
                {
                    problems.Add($"{dir.Path}: committed {dir.Committed} but blocks sum to {committed}");
                }

                var reserved = _temp.Values.Where(t => t.Directory == dir).Sum(t => t.Reserved);
                if (reserved != dir.Reserved)
                {
                    problems.Add($"{dir.Path}: reserved {dir.Reserved} but temp blocks hold {reserved}");
                }

                problems.AddRange(dir.Blocks.Values.Where(b => !_blocks.TryGetValue(b.Id, out var e) || e != b).Select(b => $"{dir.Path}: block {b.Id} not in the index"));
            }

            problems.AddRange(_blocks.Keys.Where(_temp.ContainsKey).Select(id => $"block {id} both committed and temp"));
        }

        return problems;
    }

    private BlockInfo Info(BlockEntry block) =>
        new(block.Id, block.Length, block.Directory.Tier.Alias, block.Directory.Tier.Ordinal, block.Directory.DataFile(block.Id), _pinned.Contains(block.Id));

    private bool Evictable(BlockEntry block) => block.State == BlockState.Committed && block.Readers == 0 && !_pinned.Contains(block.Id);

    /// <summary>Wakes reservations waiting for room (call with the lock held).</summary>
    private void SignalSpace()
    {
        _spaceFreed.TrySetResult();
        _spaceFreed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    private void ThrowIfDisposed() => ObjectDisposedException.ThrowIf(_disposed, this);

    private string NewTempPath(StorageDirectory dir, long blockId) =>
        Path.Combine(dir.TempPath, $"{blockId}-{Interlocked.Increment(ref _nonce)}");

    private void TryDelete(string path)
    {
        try
        {
            _files.Delete(path);
        }
        catch (IOException e)
        {
            TieredStoreLog.DeleteFailed(_logger, path, e);
        }
        catch (UnauthorizedAccessException e)
        {
            TieredStoreLog.DeleteFailed(_logger, path, e);
        }
    }

    private void WriteSmallFile(string path, ReadOnlySpan<byte> bytes, bool sync)
    {
        using var file = _files.Create(path);
        file.Write(0, bytes);
        if (sync)
        {
            file.Sync();
        }
    }

    private byte[] ReadSmallFile(string path)
    {
        using var file = _files.OpenRead(path);
        var bytes = new byte[checked((int)file.Length)];
        var read = 0;
        while (read < bytes.Length)
        {
            var n = file.Read(read, bytes.AsSpan(read));
            if (n == 0)
            {
                break;
            }

            read += n;
        }

        return read == bytes.Length ? bytes : bytes[..read];
    }
}
