using Alluxio.Client.Internal;
using Alluxio.Grains.Blocks;
using Alluxio.Grains.FileSystem;
using Alluxio.Grpc;
using Alluxio.Protos.Grpc.Block;
using Google.Protobuf;

namespace Alluxio.Client.IO;

/// <summary>
/// A new file's bytes as a write-only <see cref="Stream"/> (Alluxio's FileOutStream). By write type:
/// MUST_CACHE and ASYNC_THROUGH write blocks into the worker's cache (WriteBlock, one stream per block; or, when the
/// worker is on this host, straight into its temp block files: short-circuit);
/// THROUGH writes to the UFS only (WriteUfsFile); CACHE_THROUGH does both. Disposing completes the file (its length,
/// and PERSISTED for THROUGH / CACHE_THROUGH, TO_BE_PERSISTED for ASYNC_THROUGH); if a write failed, or
/// <see cref="CancelAsync"/> was called, the incomplete file is deleted instead. Not thread-safe.
/// </summary>
public sealed class FileOutStream : Stream
{
    private readonly FileSystem _fs;
    private readonly FileStatus _status;
    private readonly WriteType _writeType;
    private readonly byte[] _buffer;
    private readonly List<long> _blocks = [];
    private IChunkStream<WriteRequest, WriteResponse>? _blockCall;
    private LocalBlockWriter? _localBlock;
    private bool? _localWrites; // short-circuit writes into the worker's block files: decided at the first block
    private long _blockWritten; // bytes sent on the current block stream
    private IChunkStream<WriteUfsFileRequest, WriteUfsFileResponse>? _ufsCall;
    private int _appendedBlocks;
    private int _buffered;
    private long _length;
    private bool _failed;
    private bool _closed;

    internal FileOutStream(FileSystem fs, FileStatus status, WriteType writeType)
    {
        _fs = fs;
        _status = status;
        _writeType = writeType;
        _buffer = new byte[fs.Options.StreamChunkBytes];
    }

    /// <summary>The file's status when it was created.</summary>
    public FileStatus Status => _status;

    /// <summary>The write type in effect.</summary>
    public WriteType WriteType => _writeType;

    /// <summary>The status after completion (set once disposed successfully).</summary>
    public FileStatus? Completed { get; private set; }

    private bool ToCache => _writeType is WriteType.MustCache or WriteType.CacheThrough or WriteType.AsyncThrough;

    private bool ToUfs => _writeType is WriteType.Through or WriteType.CacheThrough;

    /// <summary>
    /// CACHE_THROUGH sends the bytes once, to the block; the UFS stream then names each committed block and the worker
    /// appends it to the UFS file itself (while the next block is written), instead of the bytes crossing twice.
    /// </summary>
    private bool UfsFromBlocks => _writeType == WriteType.CacheThrough;

    private long BlockSize => _status.BlockSizeBytes;

    /// <inheritdoc/>
    public override bool CanRead => false;

    /// <inheritdoc/>
    public override bool CanSeek => false;

    /// <inheritdoc/>
    public override bool CanWrite => !_closed && !_failed;

    /// <inheritdoc/>
    public override long Length => _length;

    /// <inheritdoc/>
    public override long Position
    {
        get => _length;
        set => throw new NotSupportedException("A FileOutStream only appends.");
    }

    /// <inheritdoc/>
    public override void Write(byte[] buffer, int offset, int count) => WriteAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

    /// <inheritdoc/>
    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    /// <inheritdoc/>
    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_closed, this);
        if (_failed)
        {
            throw new IOException($"An earlier write to {_status.Path} failed; the file will be deleted when the stream is disposed.");
        }

        try
        {
            while (!buffer.IsEmpty)
            {
                if (_buffered == 0 && buffer.Length >= _buffer.Length && await DirectLocalBlockAsync(cancellationToken) is { } local)
                {
                    // Short-circuit and nothing buffered: the caller's bytes go straight into the block file (no
                    // copy into the stream's buffer), up to the block's end.
                    var direct = (int)Math.Min(buffer.Length, BlockSize - (_length % BlockSize));
                    await local.WriteAsync(buffer[..direct], cancellationToken);
                    _blockWritten += direct;
                    _length += direct;
                    buffer = buffer[direct..];
                    if (_length % BlockSize == 0)
                    {
                        await FinishBlockAsync();
                    }

                    continue;
                }

                if (_buffered == 0 && buffer.Length >= _buffer.Length && ToCache && (!ToUfs || UfsFromBlocks) && _localWrites == false)
                {
                    // Streamed, and nothing buffered: a whole chunk goes from the caller's memory (no copy into the
                    // stream's buffer), up to the block's end.
                    var direct = (int)Math.Min(_buffer.Length, BlockSize - (_length % BlockSize));
                    await SendChunkAsync(buffer[..direct], cancellationToken);
                    buffer = buffer[direct..];
                    continue;
                }

                // A message never spans two blocks: cut at the block boundary.
                var room = _buffer.Length - _buffered;
                var toBlockEnd = BlockSize - ((_length + _buffered) % BlockSize);
                var n = (int)Math.Min(Math.Min(room, buffer.Length), toBlockEnd);
                buffer.Span[..n].CopyTo(_buffer.AsSpan(_buffered));
                _buffered += n;
                buffer = buffer[n..];
                if (_buffered == _buffer.Length || n == toBlockEnd)
                {
                    await SendBufferAsync(cancellationToken);
                }
            }
        }
        catch
        {
            _failed = true;
            throw;
        }
    }

    /// <inheritdoc/>
    public override void Flush()
    {
    }

    /// <summary>Abandons the file: stops the streams (the worker aborts the block, the UFS file never appears) and deletes the incomplete file.</summary>
    public async Task CancelAsync()
    {
        _failed = true;
        await DisposeAsync();
    }

    /// <inheritdoc/>
    public override async ValueTask DisposeAsync()
    {
        if (_closed)
        {
            return;
        }

        _closed = true;
        if (!_failed)
        {
            try
            {
                await SendBufferAsync(CancellationToken.None);
                await FinishBlockAsync();
                var ufsLength = await FinishUfsAsync();
                if (ToUfs && ufsLength != _length)
                {
                    throw new IOException($"The UFS received {ufsLength} of {_length} bytes of {_status.Path}.");
                }

                Completed = await _fs.CompleteFileAsync(_status.Path, new CompleteFileOptions(_length, Persisted: ToUfs, BlockIds: ToCache ? _blocks : [], AsyncPersist: _writeType == WriteType.AsyncThrough));
                return;
            }
            catch
            {
                _failed = true;
                await AbandonAsync();
                throw;
            }
        }

        await AbandonAsync();
    }

    /// <inheritdoc/>
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            DisposeAsync().AsTask().GetAwaiter().GetResult();
        }

        base.Dispose(disposing);
    }

    /// <inheritdoc/>
    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException("A FileOutStream is write-only.");

    /// <inheritdoc/>
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException("A FileOutStream only appends.");

    /// <inheritdoc/>
    public override void SetLength(long value) => throw new NotSupportedException("A FileOutStream only appends.");

    /// <summary>Sends the buffered bytes to the block stream and/or the UFS stream; ends the block when it is full.</summary>
    private async Task SendBufferAsync(CancellationToken cancellationToken)
    {
        if (_buffered == 0)
        {
            return;
        }

        var buffered = _buffered;
        _buffered = 0;
        await SendChunkAsync(_buffer.AsMemory(0, buffered), cancellationToken);
    }

    /// <summary>
    /// Sends one chunk (at most a buffer's worth, never past the block's end) to the block stream and/or the UFS
    /// stream; ends the block when it is full. Shared by both streams without a copy: each write is done with the
    /// memory once awaited.
    /// </summary>
    private async Task SendChunkAsync(ReadOnlyMemory<byte> chunk, CancellationToken cancellationToken)
    {
        if (ToCache && await LocalBlockAsync(cancellationToken) is { } local)
        {
            await local.WriteAsync(chunk, cancellationToken);
            _blockWritten += chunk.Length;
        }
        else if (ToCache)
        {
            if (_blockCall is null)
            {
                var blockId = BlockId.Create(_status.FileId, _length / BlockSize);
                _blockCall = await _fs.OpenChunkStreamAsync(Methods.WriteBlock, WriteRequest.ChunkFieldNumber, c => new WriteRequest { Chunk = c }, cancellationToken);
                await _blockCall.WriteAsync(new WriteRequest { Command = new WriteBlockCommand { BlockId = blockId, SpaceToReserve = Math.Min(BlockSize, _buffer.Length), Pinned = _writeType == WriteType.AsyncThrough } }, cancellationToken);
                _blocks.Add(blockId);
            }

            await _blockCall.WriteChunkAsync(chunk, cancellationToken);
            _blockWritten += chunk.Length;
        }

        if (ToUfs && !UfsFromBlocks)
        {
            await (await UfsCallAsync(cancellationToken)).WriteChunkAsync(chunk, cancellationToken);
        }

        _length += chunk.Length;
        if (_length % BlockSize == 0)
        {
            await FinishBlockAsync();
        }
    }

    /// <summary>The short-circuit writer when the caller's bytes may bypass the buffer: they go to the cache only (or the UFS takes committed blocks).</summary>
    private async Task<LocalBlockWriter?> DirectLocalBlockAsync(CancellationToken cancellationToken) =>
        ToCache && (!ToUfs || UfsFromBlocks) ? await LocalBlockAsync(cancellationToken) : null;

    /// <summary>
    /// The short-circuit writer of the current block, created at its first bytes when the worker is on this host and
    /// short-circuit is on; <see langword="null"/> to stream the block over gRPC (also for the rest of the file once a
    /// block file could not be opened here).
    /// </summary>
    private async Task<LocalBlockWriter?> LocalBlockAsync(CancellationToken cancellationToken)
    {
        if (_localBlock is not null || _blockCall is not null)
        {
            return _localBlock;
        }

        _localWrites ??= _fs.Options.ShortCircuit && await _fs.WorkerIsLocalAsync();
        if (_localWrites != true)
        {
            return null;
        }

        var blockId = BlockId.Create(_status.FileId, _length / BlockSize);
        _localBlock = await LocalBlockWriter.TryCreateAsync(_fs, blockId, BlockSize, _writeType == WriteType.AsyncThrough, cancellationToken);
        if (_localBlock is null)
        {
            _localWrites = false;
            return null;
        }

        _blocks.Add(blockId);
        return _localBlock;
    }

    /// <summary>The UFS stream, opened with its command at the first bytes.</summary>
    private async Task<IChunkStream<WriteUfsFileRequest, WriteUfsFileResponse>> UfsCallAsync(CancellationToken cancellationToken)
    {
        if (_ufsCall is null)
        {
            _ufsCall = await _fs.OpenChunkStreamAsync(Methods.WriteUfsFile, WriteUfsFileRequest.ChunkFieldNumber, c => new WriteUfsFileRequest { Chunk = c }, cancellationToken);
            await _ufsCall.WriteAsync(new WriteUfsFileRequest { Command = new WriteUfsFileCommand { Path = _status.Path } }, cancellationToken);
        }

        return _ufsCall;
    }

    /// <summary>Ends the current block and, for CACHE_THROUGH, has the worker append the committed block to the UFS file.</summary>
    private async Task FinishBlockAsync()
    {
        await CommitBlockAsync();
        if (UfsFromBlocks && _appendedBlocks < _blocks.Count)
        {
            _appendedBlocks = _blocks.Count;
            await (await UfsCallAsync(CancellationToken.None)).WriteAsync(new WriteUfsFileRequest { BlockId = _blocks[^1] }, CancellationToken.None);
        }
    }

    /// <summary>Ends the current block (its stream, or its short-circuit write) and waits for the worker to commit it.</summary>
    private async Task CommitBlockAsync()
    {
        if (_localBlock is { } local)
        {
            _localBlock = null;
            using (local)
            {
                var committed = await local.CommitAsync(CancellationToken.None);
                if (committed != _blockWritten)
                {
                    throw new IOException($"The worker committed {committed} of {_blockWritten} bytes of a block of {_status.Path}.");
                }
            }

            _blockWritten = 0;
            return;
        }

        if (_blockCall is not { } call)
        {
            return;
        }

        _blockCall = null;
        using (call)
        {
            var response = await call.CompleteAsync(CancellationToken.None);
            if (response.Length != _blockWritten)
            {
                throw new IOException($"The worker committed {response.Length} of {_blockWritten} bytes of a block of {_status.Path}.");
            }
        }

        _blockWritten = 0;
    }

    private async Task<long> FinishUfsAsync()
    {
        if (_ufsCall is not { } call)
        {
            return 0;
        }

        _ufsCall = null;
        using (call)
        {
            return (await call.CompleteAsync(CancellationToken.None)).Length;
        }
    }

    /// <summary>After a failure: cancel the open streams (nothing they carried is kept) and delete the incomplete file.</summary>
    private async Task AbandonAsync()
    {
        _localBlock?.Dispose();
        _localBlock = null;
        _blockCall?.Dispose();
        _ufsCall?.Dispose();
        _blockCall = null;
        _ufsCall = null;
        try
        {
            await _fs.DeleteAsync(_status.Path, new DeleteOptions(AlluxioOnly: true)); // never touch UFS data when abandoning
        }
        catch (Exception e) when (e is Grains.Exceptions.AlluxioException or IOException)
        {
            // Best effort: an incomplete file left behind is visible as such and can be deleted by hand.
        }
    }
}
