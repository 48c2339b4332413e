using Alluxio.Client.Internal;
using Alluxio.Grains.FileSystem;
using Alluxio.Grpc;
using Alluxio.Protos.Grpc.Block;

namespace Alluxio.Client.IO;

/// <summary>
/// A file's bytes as a read-only, seekable <see cref="Stream"/> (Alluxio's FileInStream). Sequential reads stream each
/// block from the worker (ReadBlock) from the current position to the block's end; a seek drops the current block
/// stream and the next read opens one at the new position. <see cref="ReadAtAsync"/> reads a range without moving the
/// position. The worker serves a block from its cache or, on a miss, from the UFS (caching it per the read type).
/// With the worker on this host (short-circuit), a cached block is read from its file. A missing block whose UFS keeps
/// its files on this host is read from its UFS file while the worker caches it in the background
/// (<see cref="FileSystemClientOptions.ShortCircuitUfsReads"/>; NO_CACHE caches nothing); any other missing block is
/// first cached by the worker (CACHE, CACHE_PROMOTE) and then read from its file, while the worker loads the next
/// <see cref="FileSystemClientOptions.ReadAheadBlocks"/> blocks. Not thread-safe, like any <see cref="Stream"/>.
/// </summary>
public sealed class FileInStream : Stream
{
    private readonly FileSystem _fs;
    private readonly FileStatus _status;
    private readonly ReadType _readType;
    private IBlockReader? _block; // the open ReadBlock stream
    private long _blockRead; // bytes the open stream has given so far
    private long _callPosition = -1; // the file position the open stream's next byte belongs to
    private long _position;
    private bool _disposed;
    private LocalBlockLease? _local;
    private long _localStart = -1;
    private HashSet<long>? _localBlocks;
    private bool? _cachesLocally;
    private bool? _missesLocal;
    private bool _ufsMisses; // set from the options when the stream opens; off once a UFS file could not be used here
    private HashSet<long>? _streamed; // blocks that failed to read here: streamed over gRPC for the rest of this stream
    private (long Start, Task<LocalBlockLease?> Lease)? _prefetch; // the next block's answer, asked for ahead
    private HashSet<long>? _readAhead; // blocks this reader asked the worker to cache ahead

    internal FileInStream(FileSystem fs, FileStatus status, ReadType readType)
    {
        _fs = fs;
        _status = status;
        _readType = readType;
        _ufsMisses = fs.Options.ShortCircuitUfsReads;
    }

    /// <summary>The file's status when it was opened.</summary>
    public FileStatus Status => _status;

    /// <summary>Where the bytes of the last block came from: "MEM", "SSD"... or "UFS" over gRPC, "local MEM"... by short-circuit.</summary>
    public string? LastSource { get; private set; }

    /// <inheritdoc/>
    public override bool CanRead => !_disposed;

    /// <inheritdoc/>
    public override bool CanSeek => !_disposed;

    /// <inheritdoc/>
    public override bool CanWrite => false;

    /// <inheritdoc/>
    public override long Length => _status.Length;

    /// <inheritdoc/>
    public override long Position
    {
        get => _position;
        set => Seek(value, SeekOrigin.Begin);
    }

    /// <inheritdoc/>
    public override long Seek(long offset, SeekOrigin origin)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        var target = origin switch
        {
            SeekOrigin.Begin => offset,
            SeekOrigin.Current => _position + offset,
            SeekOrigin.End => Length + offset,
            _ => throw new ArgumentOutOfRangeException(nameof(origin)),
        };
        ArgumentOutOfRangeException.ThrowIfNegative(target, nameof(offset));
        _position = target;
        return target;
    }

    /// <inheritdoc/>
    public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

    /// <inheritdoc/>
    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    /// <inheritdoc/>
    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (buffer.IsEmpty || _position >= Length)
        {
            return 0;
        }

        if (await LocalBlockAtAsync(_position, cancellationToken) is { } local)
        {
            var offsetInBlock = _position - _localStart;
            int n;
            try
            {
                n = local.Read(offsetInBlock, buffer.Span[..(int)Math.Min(buffer.Length, local.Length - offsetInBlock)]);
            }
            catch (Exception e) when (e is InvalidDataException or IOException)
            {
                n = 0; // corrupt or unreadable here: the worker checks and heals it when it streams the block
            }

            if (n > 0)
            {
                _position += n;
                return n;
            }

            var failed = Locate(_position).BlockId;
            _localBlocks!.Remove(failed);
            (_streamed ??= []).Add(failed); // corrupt, unreadable or shorter than recorded here: the worker deals with it
            CloseLocal();
        }

        if (_block is null || _callPosition != _position)
        {
            await OpenBlockStreamAsync(cancellationToken);
        }

        var copied = 0;
        while (copied < buffer.Length && _position < Length)
        {
            if (copied > 0 && !_block!.ChunkPending)
            {
                break; // Stream.Read may return fewer bytes: hand over what arrived rather than wait for another message
            }

            var n = await _block!.ReadAsync(buffer[copied..], cancellationToken);
            if (n == 0)
            {
                if (_blockRead == 0)
                {
                    throw new IOException($"The worker sent no data for {_status.Path} at {_position} of {Length} bytes.");
                }

                await OpenBlockStreamAsync(cancellationToken); // the stream ended early: the rest starts here
                continue;
            }

            if (_block.Source is { } source)
            {
                LastSource = source;
            }

            copied += n;
            _position += n;
            _callPosition += n;
            _blockRead += n;
            if (_position == Length || _position % _status.BlockSizeBytes == 0)
            {
                // The block's last byte: read the stream to its end so the call finishes cleanly instead of being
                // cancelled (which the worker would see as a reader gone, and which costs the stream's connection).
                await EndOfStreamAsync(_block, cancellationToken);
                CloseCall();
            }
        }

        return copied;
    }

    /// <summary>Reads up to <paramref name="buffer"/>'s length at <paramref name="position"/> without moving <see cref="Position"/> (a positioned read).</summary>
    public async ValueTask<int> ReadAtAsync(long position, Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        ArgumentOutOfRangeException.ThrowIfNegative(position);
        var total = 0;
        while (total < buffer.Length && position + total < Length)
        {
            var at = position + total;
            var (blockId, offsetInBlock, blockLength) = Locate(at);
            var length = Math.Min(buffer.Length - total, blockLength - offsetInBlock);
            var request = new ReadRequest { BlockId = blockId, Offset = offsetInBlock, Length = length, ChunkSize = _fs.Options.StreamChunkBytes, ReadType = (ReadPType)(int)_readType };
            using var reader = await _fs.OpenBlockReaderAsync(request, cancellationToken);
            var end = total + (int)length;
            int n;
            while (total < end && (n = await reader.ReadAsync(buffer[total..end], cancellationToken)) > 0)
            {
                total += n;
            }

            if (total < end)
            {
                throw new IOException($"Block {blockId} of {_status.Path} ended early at {total - (end - length)} of {length} bytes.");
            }

            await EndOfStreamAsync(reader, cancellationToken);
        }

        return total;
    }

    /// <inheritdoc/>
    public override void Flush()
    {
    }

    /// <inheritdoc/>
    public override void SetLength(long value) => throw new NotSupportedException("A FileInStream is read-only.");

    /// <inheritdoc/>
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException("A FileInStream is read-only.");

    /// <inheritdoc/>
    protected override void Dispose(bool disposing)
    {
        if (disposing && !_disposed)
        {
            _disposed = true;
            CloseCall();
            CloseLocal();
            DropPrefetched();
        }

        base.Dispose(disposing);
    }

    /// <summary>
    /// The short-circuit lease of the block holding <paramref name="position"/>, opening it when the block is cached on
    /// a worker of this host; <see langword="null"/> when short-circuit is off or not possible (then gRPC is used).
    /// </summary>
    private async Task<LocalBlockLease?> LocalBlockAtAsync(long position, CancellationToken cancellationToken)
    {
        if (!_fs.Options.ShortCircuit)
        {
            return null;
        }

        var (blockId, offsetInBlock, blockLength) = Locate(position);
        var start = position - offsetInBlock;
        if (_local is not null && _localStart == start)
        {
            return _local;
        }

        CloseLocal();
        _localBlocks ??= [.. (await _fs.GetBlockLocationsAsync(_status.BlockIds, cancellationToken))
            .Where(b => b.Value.Any(l => string.Equals(l.Host, _fs.Options.LocalHost, StringComparison.OrdinalIgnoreCase)))
            .Select(b => b.Key)];
        var cached = _localBlocks.Contains(blockId);
        if (_streamed?.Contains(blockId) == true || (!cached && !await MissesLocalAsync()))
        {
            return null;
        }

        LocalBlockLease? lease = null;
        if (TakePrefetched(start) is { } prefetched)
        {
            if (cached)
            {
                Release(prefetched); // cached meanwhile: lease the block file instead
            }
            else
            {
                try
                {
                    lease = await prefetched;
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    lease = null; // opened afresh below, where its error (if any) reaches the reader
                }
            }
        }

        lease ??= await OpenLeaseAsync(blockId, cached, cancellationToken);
        if (lease?.UfsRefused == true)
        {
            _ufsMisses = false; // this process cannot use the UFS files the worker names: stop asking for them
        }

        if (lease is null || lease.Length != blockLength)
        {
            lease?.Dispose();
            _localBlocks.Remove(blockId); // not here after all: stream it
            if (!cached)
            {
                _missesLocal = false; // a miss that could not be read here: stream misses over gRPC from now on
            }
            return null;
        }

        CloseCall();
        if (lease.FromUfs)
        {
            (_local, _localStart, LastSource) = (lease, start, "local UFS");
            Prefetch(start + blockLength); // the next block's answer arrives while this one is read
            return lease; // the worker caches it meanwhile (unless NO_CACHE): no read-ahead needed to keep up
        }

        _localBlocks.Add(blockId);
        (_local, _localStart, LastSource) = (lease, start, (cached ? "local " : "local, cached from the UFS, ") + lease.TierAlias);
        if (offsetInBlock == 0)
        {
            await ReadAheadAsync((int)(position / _status.BlockSizeBytes) + 1);
        }

        return lease;
    }

    /// <summary>Asks the local worker for a block: its lease, or for a miss its UFS range or a lease once cached.</summary>
    private Task<LocalBlockLease?> OpenLeaseAsync(long blockId, bool cached, CancellationToken cancellationToken) =>
        LocalBlockLease.TryOpenAsync(
            _fs, blockId, _readType == ReadType.CachePromote, cacheOnMiss: !cached && _readType != ReadType.NoCache, ufsOnMiss: !cached && _ufsMisses, cancellationToken);

    /// <summary>
    /// A sequential reader of a block from its UFS file asks for the next block (starting at <paramref name="start"/>)
    /// now, so its answer is there when the reader gets to it: one round trip to the worker per block hidden behind the
    /// read. Not for blocks cached here or known to fail here; the answer lives until the stream is disposed (a
    /// per-read token would end it early).
    /// </summary>
    private void Prefetch(long start)
    {
        DropPrefetched();
        if (start >= Length || !_ufsMisses)
        {
            return;
        }

        var blockId = Locate(start).BlockId;
        if (!_localBlocks!.Contains(blockId) && _streamed?.Contains(blockId) != true)
        {
            _prefetch = (start, OpenLeaseAsync(blockId, cached: false, CancellationToken.None));
        }
    }

    /// <summary>The prefetched answer for the block at <paramref name="start"/>, if that is the one asked for (any other is dropped).</summary>
    private Task<LocalBlockLease?>? TakePrefetched(long start)
    {
        if (_prefetch is { } prefetch && prefetch.Start == start)
        {
            _prefetch = null;
            return prefetch.Lease;
        }

        DropPrefetched();
        return null;
    }

    /// <summary>Releases the prefetched answer, which nobody will use.</summary>
    private void DropPrefetched()
    {
        if (_prefetch is { } prefetch)
        {
            _prefetch = null;
            Release(prefetch.Lease);
        }
    }

    /// <summary>Disposes an answer once it arrives.</summary>
    private static void Release(Task<LocalBlockLease?> lease) =>
        _ = lease.ContinueWith(static t =>
        {
            if (t.IsCompletedSuccessfully)
            {
                t.Result?.Dispose();
            }
        }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);

    /// <summary>
    /// Whether a block missing on this host is cached by the local worker and read from its file: short-circuit
    /// reads of a caching read type with a worker on this host (asked once per client).
    /// </summary>
    private async Task<bool> CachesLocallyAsync() =>
        _cachesLocally ??= _readType != ReadType.NoCache && await _fs.WorkerIsLocalAsync();

    /// <summary>
    /// Whether a block missing on this host is asked of the local worker by short-circuit (its UFS file read here, or
    /// the block cached and read from its file) rather than streamed over gRPC; turned off by the first miss that
    /// could not be read here.
    /// </summary>
    private async Task<bool> MissesLocalAsync() =>
        _missesLocal ??= (_ufsMisses || _readType != ReadType.NoCache) && await _fs.WorkerIsLocalAsync();

    /// <summary>
    /// A sequential reader entered block <paramref name="next"/> - 1: the worker caches the next
    /// <see cref="FileSystemClientOptions.ReadAheadBlocks"/> blocks that are not here yet, in the background (a load in
    /// flight is joined by the reader's own open when it gets there; failures only mean that open does the work). The
    /// requests outlive this stream, like Alluxio's async cache requests: a reader that stops early leaves those blocks cached.
    /// </summary>
    private async Task ReadAheadAsync(int next)
    {
        var last = Math.Min(next + _fs.Options.ReadAheadBlocks, _status.BlockIds.Count);
        if (next >= last || !await CachesLocallyAsync())
        {
            return;
        }

        for (var i = next; i < last; i++)
        {
            var blockId = _status.BlockIds[i];
            if (!_localBlocks!.Contains(blockId) && (_readAhead ??= []).Add(blockId))
            {
                _ = _fs.CacheBlockAsync(blockId, CancellationToken.None).ContinueWith(static t => _ = t.Exception, TaskScheduler.Default);
            }
        }
    }

    private void CloseLocal()
    {
        _local?.Dispose();
        _local = null;
        _localStart = -1;
    }

    /// <summary>Opens a ReadBlock stream from the current position to the end of its block.</summary>
    private async ValueTask OpenBlockStreamAsync(CancellationToken cancellationToken)
    {
        CloseCall();
        var (blockId, offsetInBlock, _) = Locate(_position);
        var request = new ReadRequest { BlockId = blockId, Offset = offsetInBlock, ChunkSize = _fs.Options.StreamChunkBytes, ReadType = (ReadPType)(int)_readType };
        _block = await _fs.OpenBlockReaderAsync(request, cancellationToken);
        _callPosition = _position;
        _blockRead = 0;
    }

    /// <summary>Reads a stream that has given every byte asked for to its end (its status); more bytes are the worker's error.</summary>
    private async ValueTask EndOfStreamAsync(IBlockReader reader, CancellationToken cancellationToken)
    {
        if (await reader.ReadAsync(new byte[1], cancellationToken) > 0)
        {
            throw new IOException($"The worker sent more of {_status.Path} than the block holds.");
        }
    }

    private (long BlockId, long OffsetInBlock, long BlockLength) Locate(long position)
    {
        var blockSize = _status.BlockSizeBytes;
        var index = (int)(position / blockSize);
        if (index >= _status.BlockIds.Count)
        {
            throw new IOException($"{_status.Path} has {_status.BlockIds.Count} blocks; position {position} is past them.");
        }

        return (_status.BlockIds[index], position - (index * blockSize), Math.Min(blockSize, Length - (index * blockSize)));
    }

    private void CloseCall()
    {
        if (_block?.Source is { } source)
        {
            LastSource = source; // a source field after the chunk is read only after the chunk
        }

        _block?.Dispose();
        _block = null;
        _callPosition = -1;
    }
}
