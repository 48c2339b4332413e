using System.Buffers;
using System.Collections.Concurrent;
using System.Threading.Channels;
using Alluxio.Grains.Blocks;
using Alluxio.Grains.Exceptions;
using Alluxio.Grains.FileSystem;
using Alluxio.Tiers.Exceptions;
using Alluxio.Tiers.Store;

namespace Alluxio.Grains.Worker;

public sealed partial class LocalWorker
{
    /// <summary>Whole-block loads in flight, so concurrent misses of a block read the UFS once.</summary>
    private readonly ConcurrentDictionary<long, TaskCompletionSource<bool>> _loads = new();

    /// <summary>A background load waits at least this long after the last short-circuit UFS reader ended (the gap between its blocks).</summary>
    private const long UfsReadersQuietMilliseconds = 20;

    /// <summary>
    /// Blocks to cache whole after partial reads and short-circuit UFS reads, with when they were queued (Environment
    /// ticks); full = the request is dropped (the next miss asks again).
    /// </summary>
    private readonly Channel<(BlockSource Source, long QueuedAt)> _asyncCache = Channel.CreateBounded<(BlockSource, long)>(
        new BoundedChannelOptions(options.Value.AsyncCacheQueueCapacity) { FullMode = BoundedChannelFullMode.DropWrite });

    /// <summary>Short-circuit clients reading missed blocks from their UFS files now, and when the last one ended.</summary>
    private int _ufsReaders;
    private long _ufsReadEnded;

    /// <summary>Asks for a block to be cached whole in the background; <see langword="false"/> when the queue is full.</summary>
    public bool EnqueueAsyncCache(BlockSource source) => _asyncCache.Writer.TryWrite((source, Environment.TickCount64));

    /// <summary>
    /// Makes sure a block is cached (alluxio fs load), reading it from the UFS if needed (one read for concurrent
    /// loads). Returns whether it was already cached, and the tier it is in.
    /// </summary>
    public async Task<(bool AlreadyCached, string Tier)> CacheBlockAsync(long blockId, CancellationToken cancellationToken)
    {
        if (Store.GetBlock(blockId) is { } cached)
        {
            return (true, cached.TierAlias);
        }

        var source = master.ResolveBlockSource(blockId);
        if (TryBeginLoad(blockId, out var load))
        {
            await LoadAsync(source, load, DefaultChunkBytes, send: null, cancellationToken);
        }
        else
        {
            await load.Task.WaitAsync(cancellationToken);
        }

        return Store.GetBlock(blockId) is { } now
            ? (false, now.TierAlias)
            : throw new ResourceExhaustedException($"Block {blockId} of {source.Path} could not be cached (no room even after eviction, or a failing tier); see the worker's log.");
    }

    /// <summary>
    /// A block missing here whose UFS file lives on this host (<see cref="Ufs.IUnderFileSystem.GetHostFileAsync"/>):
    /// where its bytes are in that file, for a short-circuit reader to read them itself; the reader counts as active
    /// until the result is disposed. With <paramref name="cache"/> the block is queued to be cached whole in the
    /// background, as a partial read's block is (a full queue drops the request: the next miss asks again); queued
    /// loads wait while such readers are active (<see cref="WorkerOptions.AsyncCacheDeferral"/>).
    /// <see langword="null"/> when the block is cached (lease it instead) or its UFS keeps no files on this host.
    /// </summary>
    /// <exception cref="FailedPreconditionException">The UFS file is shorter than Alluxio recorded (it changed underneath).</exception>
    public async Task<UfsBlockRead?> LocateUfsBlockAsync(long blockId, bool cache, CancellationToken cancellationToken)
    {
        if (Store.GetBlock(blockId) is not null)
        {
            return null;
        }

        var source = master.ResolveBlockSource(blockId);
        var connector = ufs.Get(source.Mount);
        var file = await FileSystemMaster.UfsCall(source.Mount, source.Path, () => connector.GetHostFileAsync(source.UfsPath, cancellationToken));
        if (file is null)
        {
            return null;
        }

        if (file.Length < source.OffsetInFile + source.Length)
        {
            throw ShorterInUfs(source);
        }

        Interlocked.Increment(ref _ufsReaders); // before the load is queued, so it cannot start ahead of this reader
        var read = new UfsBlockRead(file, source.OffsetInFile, source.Length, () =>
        {
            Volatile.Write(ref _ufsReadEnded, Environment.TickCount64);
            Interlocked.Decrement(ref _ufsReaders);
        });
        if (cache)
        {
            EnqueueAsyncCache(source);
        }

        return read;
    }

    /// <summary>
    /// Waits while short-circuit clients read missed blocks from their UFS files (and briefly after the last one, the
    /// gap between one reader's blocks), until <see cref="WorkerOptions.AsyncCacheDeferral"/> after
    /// <paramref name="queuedAt"/>: the readers then have the CPU, and their blocks are cached right after them.
    /// </summary>
    private async Task DeferToUfsReadersAsync(long queuedAt, CancellationToken cancellationToken)
    {
        var until = queuedAt + (long)_options.AsyncCacheDeferral.TotalMilliseconds;
        while (Environment.TickCount64 < until
            && (Volatile.Read(ref _ufsReaders) > 0 || Environment.TickCount64 - Volatile.Read(ref _ufsReadEnded) < UfsReadersQuietMilliseconds))
        {
            await Task.Delay(5, cancellationToken);
        }
    }

    /// <summary>
    /// Counts the bytes a short-circuit client says it read of a block: from its block file
    /// (<see cref="Metrics.MetricNames.BytesReadLocal"/>) or from its UFS file (<see cref="Metrics.MetricNames.BytesReadUfsAll"/>).
    /// </summary>
    public void ReportShortCircuitRead(bool fromUfs, long bytes) =>
        metrics.Add(fromUfs ? Metrics.MetricNames.BytesReadUfsAll : Metrics.MetricNames.BytesReadLocal, bytes);

    /// <summary>Registers a load of the block; <see langword="false"/> with the running load when another is in flight.</summary>
    private bool TryBeginLoad(long blockId, out TaskCompletionSource<bool> load)
    {
        var mine = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        load = _loads.GetOrAdd(blockId, mine);
        return ReferenceEquals(load, mine);
    }

    /// <summary>
    /// Reads a whole block from the UFS into the store, passing each chunk to <paramref name="send"/> as it arrives
    /// (read-through). If the block cannot be cached (no room, a failing tier) it is still sent. Completes
    /// <paramref name="load"/> with whether the block is now cached.
    /// </summary>
    private async Task LoadAsync(BlockSource source, TaskCompletionSource<bool> load, int chunkBytes, Func<ReadOnlyMemory<byte>, string?, ValueTask>? send, CancellationToken cancellationToken)
    {
        var cached = false;
        IBlockWriter? writer = null;
        try
        {
            if (Store.GetBlock(source.BlockId) is null)
            {
                try
                {
                    writer = await Store.CreateBlockAsync(source.BlockId, new BlockWriteOptions { ExpectedLength = source.Length }, cancellationToken);
                }
                catch (BlockStoreException e)
                {
                    LogNotCached(source.BlockId, e.Message);
                }
            }

            if (writer is null && send is null)
            {
                return; // nothing to cache into and nobody to stream to: do not read the UFS for nothing
            }

            // The load belongs to the worker, not to the reader that started it: if that reader goes away (it
            // cancels, or closes as soon as it has the last byte), the block is still read to its end and cached,
            // and the other readers waiting on this load are not failed.
            var loading = _stopping.Token;
            Exception? readerGone = null;
            await StreamUfsAsync(source, 0, source.Length, chunkBytes, async (chunk, first) =>
            {
                if (writer is not null)
                {
                    try
                    {
                        await writer.WriteAsync(chunk, loading);
                    }
                    catch (BlockStoreException e)
                    {
                        LogNotCached(source.BlockId, e.Message);
                        writer = null; // the writer aborted the block
                    }
                }

                if (send is not null && readerGone is null)
                {
                    try
                    {
                        await send(chunk, first ? "UFS" : null);
                    }
                    catch (Exception e) when (writer is not null)
                    {
                        readerGone = e;
                    }
                }
            }, loading);

            if (writer is not null)
            {
                var info = await writer.CommitAsync(loading);
                writer = null;
                await BlockMaster.CommitBlock(WorkerId, new BlockPlacement(info.BlockId, info.Length, info.TierAlias));
                cached = true;
            }

            if (readerGone is not null)
            {
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(readerGone);
            }
        }
        finally
        {
            writer?.Dispose();
            _loads.TryRemove(new KeyValuePair<long, TaskCompletionSource<bool>>(source.BlockId, load));
            load.TrySetResult(cached);
        }
    }

    /// <summary>Reads [offset, offset + length) of a block from its UFS file in chunks.</summary>
    private async Task StreamUfsAsync(BlockSource source, long offset, long length, int chunkBytes, Func<ReadOnlyMemory<byte>, bool, ValueTask> sink, CancellationToken cancellationToken)
    {
        var connector = ufs.Get(source.Mount);
        await using var stream = await FileSystemMaster.UfsCall(source.Mount, source.Path, () => connector.OpenAsync(source.UfsPath, source.OffsetInFile + offset, cancellationToken));
        var buffer = ArrayPool<byte>.Shared.Rent(chunkBytes);
        try
        {
            for (long done = 0; done < length;)
            {
                var want = (int)Math.Min(chunkBytes, length - done);
                int read;
                try
                {
                    // A local file reads synchronously: its async read would only run the same copy on a pool thread.
                    read = stream is FileStream
                        ? stream.ReadAtLeast(buffer.AsSpan(0, want), want, throwOnEndOfStream: false)
                        : await stream.ReadAtLeastAsync(buffer.AsMemory(0, want), want, throwOnEndOfStream: false, cancellationToken);
                }
                catch (IOException e)
                {
                    throw new UnavailableException($"Reading {source.Path} from the UFS ({source.Mount.UfsUri}) failed: {e.Message}", e);
                }

                if (read == 0)
                {
                    throw ShorterInUfs(source);
                }

                metrics.Add(Metrics.MetricNames.BytesReadUfsAll, read);
                await sink(buffer.AsMemory(0, read), done == 0);
                done += read;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static FailedPreconditionException ShorterInUfs(BlockSource source) =>
        new($"{source.Path} is shorter in the UFS than Alluxio recorded: it changed underneath; sync it (alluxio fs loadMetadata -F {source.Path}).");

    private async Task AsyncCacheLoopAsync(CancellationToken cancellationToken)
    {
        await foreach (var (source, queuedAt) in _asyncCache.Reader.ReadAllAsync(cancellationToken))
        {
            await DeferToUfsReadersAsync(queuedAt, cancellationToken);
            if (Store.GetBlock(source.BlockId) is not null || !TryBeginLoad(source.BlockId, out var load))
            {
                continue;
            }

            try
            {
                await LoadAsync(source, load, DefaultChunkBytes, send: null, cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                LogNotCached(source.BlockId, e.Message);
            }
        }
    }
}
