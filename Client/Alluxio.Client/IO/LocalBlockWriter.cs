using Alluxio.Client.Internal;
using Alluxio.Grpc;
using Alluxio.Protos.Grpc.Block;
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
    private readonly AsyncDuplexStreamingCall<LocalWriteRequest, LocalWriteResponse> _call;
    private readonly SafeFileHandle _file;
    private long _reserved;

    private LocalBlockWriter(AsyncDuplexStreamingCall<LocalWriteRequest, LocalWriteResponse> call, SafeFileHandle file, long reserved)
    {
        _call = call;
        _file = file;
        _reserved = reserved;
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
            return new LocalBlockWriter(call, file, reserve);
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

        RandomAccess.Write(_file, data.Span, Written);
        Written += data.Length;
    }

    /// <summary>Closes the file and has the worker commit the block; returns the length it committed.</summary>
    public async Task<long> CommitAsync(CancellationToken cancellationToken)
    {
        _file.Dispose();
        await WriteRequestAsync(new LocalWriteRequest { CommitLength = Written }, cancellationToken);
        var committed = (await NextAsync(_call, cancellationToken)).Committed;
        await _call.RequestStream.CompleteAsync();
        return committed?.Length ?? -1;
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

    private static async Task<LocalWriteResponse> NextAsync(AsyncDuplexStreamingCall<LocalWriteRequest, LocalWriteResponse> call, CancellationToken cancellationToken) =>
        await FileSystem.MoveNextAsync(call.ResponseStream, cancellationToken)
            ? call.ResponseStream.Current
            : throw new IOException("The worker ended the local write stream without an answer.");
}
