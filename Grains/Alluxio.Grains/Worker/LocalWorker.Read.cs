using Alluxio.Grains.Exceptions;
using Alluxio.Grains.FileSystem;
using Alluxio.Tiers.Exceptions;
using Alluxio.Tiers.Store;

namespace Alluxio.Grains.Worker;

public sealed partial class LocalWorker
{
    /// <summary>Bytes per ReadBlock message unless the client asks otherwise.</summary>
    public const int DefaultChunkBytes = 1 << 20;

    /// <summary>The largest chunk a client may ask for.</summary>
    public const int MaxChunkBytes = 4 << 20;

    /// <summary>
    /// Streams a range of a block to <paramref name="send"/> (a chunk, and the source's name with the first chunk).
    /// As <see cref="ReadBlockAsync(BlockReadRequest, IBlockChunkSink, CancellationToken)"/>.
    /// </summary>
    public Task ReadBlockAsync(BlockReadRequest request, Func<ReadOnlyMemory<byte>, string?, ValueTask> send, CancellationToken cancellationToken) =>
        ReadBlockAsync(request, new CallbackChunkSink(send), cancellationToken);

    /// <summary>
    /// Streams a range of a block to <paramref name="sink"/>: from the cache (read straight into the sink's buffer);
    /// else from the UFS — a whole-block read caches it on the way (one UFS read for concurrent misses), a partial
    /// read queues the whole block for caching, NO_CACHE caches nothing.
    /// </summary>
    public async Task ReadBlockAsync(BlockReadRequest request, IBlockChunkSink sink, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sink);
        if (request.Offset < 0 || request.Length < 0 || request.ChunkBytes is < 0 or > MaxChunkBytes)
        {
            throw new InvalidArgumentException($"Bad read of block {request.BlockId}: offset {request.Offset}, length {request.Length}, chunk {request.ChunkBytes} (offset and length ≥ 0, chunk 0..{MaxChunkBytes}).");
        }

        var chunk = request.ChunkBytes == 0 ? DefaultChunkBytes : request.ChunkBytes;
        if (await TryReadCachedAsync(request, chunk, sink, cancellationToken))
        {
            return;
        }

        BlockSource source;
        try
        {
            source = master.ResolveBlockSource(request.BlockId);
        }
        catch (DataLossException e)
        {
            // Not cached here and never persisted: the data is gone. Say so on the file, not only to this reader.
            await master.MarkLostAsync(Grains.Blocks.BlockId.FileIdOf(request.BlockId), e.Message);
            throw;
        }

        var (offset, length) = Range(request, source.Length);
        if (request.ReadType != ReadType.NoCache)
        {
            if (offset == 0 && length == source.Length)
            {
                if (TryBeginLoad(source.BlockId, out var load))
                {
                    await LoadAsync(source, load, chunk, sink.SendAsync, cancellationToken);
                    return;
                }

                if (await load.Task.WaitAsync(cancellationToken) && await TryReadCachedAsync(request, chunk, sink, cancellationToken))
                {
                    return;
                }
            }
            else
            {
                EnqueueAsyncCache(source);
            }
        }

        await StreamUfsAsync(source, offset, length, chunk, (data, first) => sink.SendAsync(data, first ? "UFS" : null), cancellationToken);
    }

    /// <summary>Serves the read from the cache; <see langword="false"/> when the block is not cached (or was found corrupt before anything was sent).</summary>
    private async Task<bool> TryReadCachedAsync(BlockReadRequest request, int chunk, IBlockChunkSink sink, CancellationToken cancellationToken)
    {
        IBlockReader reader;
        try
        {
            reader = await Store.OpenReadAsync(request.BlockId, new BlockReadOptions { Promote = request.ReadType == ReadType.CachePromote }, cancellationToken);
        }
        catch (BlockNotFoundException)
        {
            return false;
        }

        using (reader)
        {
            var (offset, length) = Range(request, reader.Length);
            var sent = false;
            try
            {
                for (long done = 0; done < length;)
                {
                    // The block file is read straight into the transport's buffer. Within the block's length a read
                    // fills the span or throws (a short file is corrupt), and a fill that throws sends nothing.
                    var read = (int)Math.Min(chunk, length - done);
                    await sink.SendAsync(read, sent ? null : reader.TierAlias, (Reader: reader, At: offset + done), static (span, s) => FillFrom(s.Reader, s.At, span));
                    metrics.Add(Metrics.MetricNames.BytesReadAlluxio, read);
                    sent = true;
                    done += read;
                }
            }
            catch (BlockCorruptedException e) when (!sent)
            {
                LogNotCached(request.BlockId, e.Message); // dropped; the caller reads the UFS instead
                return false;
            }
            catch (BlockStoreException e)
            {
                throw WorkerErrors.Map(e);
            }
        }

        return true;
    }

    /// <summary>
    /// Leases a cached block for a short-circuit reader on this host: the block stays where it is, whole, until the
    /// returned reader is disposed.
    /// </summary>
    /// <exception cref="FileDoesNotExistException">The block is not cached here.</exception>
    public async Task<IBlockReader> LeaseBlockAsync(long blockId, bool promote, CancellationToken cancellationToken)
    {
        try
        {
            return await Store.OpenReadAsync(blockId, new BlockReadOptions { Promote = promote }, cancellationToken);
        }
        catch (BlockStoreException e)
        {
            throw WorkerErrors.Map(e);
        }
    }

    private static void FillFrom(IBlockReader reader, long offset, Span<byte> destination)
    {
        var read = reader.Read(offset, destination);
        if (read != destination.Length)
        {
            throw new InvalidOperationException($"Block read of {destination.Length} bytes at {offset} returned {read}; the range is inside the block.");
        }
    }

    private static (long Offset, long Length) Range(BlockReadRequest request, long blockLength)
    {
        var length = request.Length == 0 ? blockLength - request.Offset : request.Length;
        if (request.Offset > blockLength || length < 0 || request.Offset + length > blockLength)
        {
            throw new InvalidArgumentException($"Read of {request.Length} bytes at {request.Offset} is past the end of block {request.BlockId} ({blockLength} bytes).");
        }

        return (request.Offset, length);
    }
}
