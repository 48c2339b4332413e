using Alluxio.Client.Internal;
using Alluxio.Grpc;
using Alluxio.Protos.Grpc.Block;
using Alluxio.Runtime.Hashing;
using Microsoft.Win32.SafeHandles;

namespace Alluxio.Client.IO;

/// <summary>
/// A block written straight into the worker's temp block file (short-circuit write): room is reserved through the
/// stream before the file grows past it, and the worker checksums and commits the file when told its length.
/// Disposing without <see cref="CommitAsync"/> ends the stream, which aborts the block.
/// </summary>
internal sealed class LocalBlockWriter : IDisposable
{
    private const long ReserveStep = 8 << 20;

    /// <summary>Writes at least this large checksum on another core while the bytes are copied (smaller ones: inline).</summary>
    private const int ParallelChecksumBytes = 256 << 10;
    private readonly AsyncDuplexStreamingCall<LocalWriteRequest, LocalWriteResponse> _call;
    private readonly SafeFileHandle _file;
    private readonly int _chunkBytes;
    private readonly List<uint> _crcs = [];
    private uint _crc;
    private int _inChunk;
    private long _reserved;

    private LocalBlockWriter(AsyncDuplexStreamingCall<LocalWriteRequest, LocalWriteResponse> call, SafeFileHandle file, long reserved, int chunkBytes)
    {
        _call = call;
        _file = file;
        _reserved = reserved;
        _chunkBytes = chunkBytes;
    }

    public long Written { get; private set; }

    /// <summary>Creates the temp block and opens its file; <see langword="null"/> when the file cannot be opened here (the caller streams instead).</summary>
    public static async Task<LocalBlockWriter?> TryCreateAsync(FileSystem fs, long blockId, long blockSize, bool pinned, CancellationToken cancellationToken)
    {
        var reserve = Math.Min(blockSize, ReserveStep);
        var call = fs.Channel.DuplexStreaming(Methods.CreateLocalBlock, fs.StreamCallOptions(cancellationToken));
        try
        {
            await call.RequestStream.WriteAsync(new LocalWriteRequest { Command = new WriteBlockCommand { BlockId = blockId, SpaceToReserve = reserve, Pinned = pinned } }, cancellationToken);
            var created = await NextAsync(call, cancellationToken);
            var file = File.OpenHandle(created.Path, FileMode.Open, FileAccess.Write, FileShare.ReadWrite);
            return new LocalBlockWriter(call, file, reserve, created.ChunkBytes);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            call.Dispose(); // aborts the temp block
            return null;
        }
        catch
        {
            call.Dispose();
            throw;
        }
    }

    /// <summary>Appends <paramref name="data"/> to the block file, reserving more room first when needed.</summary>
    public async Task WriteAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken)
    {
        if (Written + data.Length > _reserved)
        {
            var target = Math.Max(Written + data.Length, _reserved + ReserveStep);
            await WriteRequestAsync(new LocalWriteRequest { ReserveTo = target }, cancellationToken);
            _reserved = (await NextAsync(_call, cancellationToken)).Reserved;
        }

        if (data.Length >= ParallelChecksumBytes)
        {
            // The copy into the block file and the CRC32C pass both only read the caller's bytes: run them on two
            // cores at once (the checksum state is touched by this task alone, and awaited before the next write).
            var checksum = Task.Run(() => Checksum(data.Span), CancellationToken.None);
            RandomAccess.Write(_file, data.Span, Written);
            await checksum;
        }
        else
        {
            RandomAccess.Write(_file, data.Span, Written);
            Checksum(data.Span);
        }

        Written += data.Length;
    }

    /// <summary>Closes the file and has the worker commit the block; returns the length it committed.</summary>
    public async Task<long> CommitAsync(CancellationToken cancellationToken)
    {
        _file.Dispose();
        var commit = new LocalWriteRequest { CommitLength = Written };
        if (_chunkBytes > 0)
        {
            commit.ChunkCrcs.Add(_crcs);
            if (_inChunk > 0)
            {
                commit.ChunkCrcs.Add(_crc);
            }
        }

        await WriteRequestAsync(commit, cancellationToken);
        var committed = (await NextAsync(_call, cancellationToken)).Committed;
        await _call.RequestStream.CompleteAsync();
        await EndAsync(_call, cancellationToken);
        return committed?.Length ?? -1;
    }

    /// <summary>The CRC32C of each chunk as it is written, so the worker need not read the file back.</summary>
    private void Checksum(ReadOnlySpan<byte> data)
    {
        if (_chunkBytes <= 0)
        {
            return;
        }

        while (!data.IsEmpty)
        {
            var take = Math.Min(_chunkBytes - _inChunk, data.Length);
            _crc = Crc32C.Append(_crc, data[..take]);
            _inChunk += take;
            data = data[take..];
            if (_inChunk == _chunkBytes)
            {
                _crcs.Add(_crc);
                (_crc, _inChunk) = (0, 0);
            }
        }
    }

    public void Dispose()
    {
        _file.Dispose();
        _call.Dispose();
    }

    private async Task WriteRequestAsync(LocalWriteRequest request, CancellationToken cancellationToken)
    {
        try
        {
            await _call.RequestStream.WriteAsync(request, cancellationToken);
        }
        catch (RpcException e)
        {
            throw ClientErrors.FromRpc(e);
        }
    }

    /// <summary>Reads the stream to its end (the worker's trailers) after this side ended, so it closes without a reset.</summary>
    internal static async Task EndAsync<TRequest, TResponse>(AsyncDuplexStreamingCall<TRequest, TResponse> call, CancellationToken cancellationToken)
        where TRequest : class, Google.Protobuf.IMessage<TRequest>
        where TResponse : class, Google.Protobuf.IMessage<TResponse>
    {
        if (await FileSystem.MoveNextAsync(call.ResponseStream, cancellationToken))
        {
            throw new IOException("The worker sent a message after the last one of the local block stream.");
        }
    }

    private static async Task<LocalWriteResponse> NextAsync(AsyncDuplexStreamingCall<LocalWriteRequest, LocalWriteResponse> call, CancellationToken cancellationToken) =>
        await FileSystem.MoveNextAsync(call.ResponseStream, cancellationToken)
            ? call.ResponseStream.Current
            : throw new IOException("The worker ended the local write stream without an answer.");
}
