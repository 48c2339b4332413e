using System.Runtime.CompilerServices;
using Alluxio.Grains.FileSystem;
using Alluxio.Grains.Worker;
using Alluxio.Grpc;
using Alluxio.Grpc.Server;
using Alluxio.Protos.Grpc.Block;
using Google.Protobuf;

namespace Alluxio.Silo.Grpc;

/// <summary>
/// alluxio.grpc.block.BlockWorker: block bytes in and out of the silo's worker as gRPC streams. Flow control is
/// HTTP/2's: a response chunk is handed to the transport only when the client has window for it, and a write reads
/// the next chunk only after the previous one is stored. A cancelled call aborts what it was writing.
/// </summary>
internal sealed class BlockWorkerService(LocalWorker worker)
{
    public async Task ReadBlock(ReadRequest request, IServerStreamWriter<ReadResponse> responseStream, ServerCallContext context)
    {
        var read = new BlockReadRequest(request.BlockId, request.Offset, request.Length, checked((int)Math.Min(request.ChunkSize, int.MaxValue)), (ReadType)(int)request.ReadType);
        try
        {
            await worker.ReadBlockAsync(read, new ReadResponseSink(responseStream), context.CancellationToken);
        }
        catch (Exception e) when (e is not RpcException)
        {
            throw GrpcErrors.ToRpc(e);
        }
    }

    public async Task<WriteResponse> WriteBlock(IAsyncStreamReader<WriteRequest> requestStream, ServerCallContext context)
    {
        try
        {
            var command = await FirstAsync(requestStream, r => r.ValueCase == WriteRequest.ValueOneofCase.Command, context.CancellationToken);
            var placement = await worker.WriteBlockAsync(
                new BlockWriteCommand(command.Command.BlockId, command.Command.Tier, command.Command.SpaceToReserve, command.Command.Pinned),
                Chunks(requestStream, r => r.ValueCase == WriteRequest.ValueOneofCase.Chunk ? r.Chunk : null, context.CancellationToken),
                context.CancellationToken);
            return new WriteResponse { Length = placement.Length, TierAlias = placement.TierAlias };
        }
        catch (Exception e) when (e is not RpcException)
        {
            throw GrpcErrors.ToRpc(e);
        }
    }

    public async Task<WriteUfsFileResponse> WriteUfsFile(IAsyncStreamReader<WriteUfsFileRequest> requestStream, ServerCallContext context)
    {
        try
        {
            var command = await FirstAsync(requestStream, r => r.ValueCase == WriteUfsFileRequest.ValueOneofCase.Command, context.CancellationToken);
            var length = await worker.WriteUfsFileAsync(
                command.Command.Path,
                CallerIdentities.From(context),
                UfsPieces(requestStream, context.CancellationToken),
                context.CancellationToken);
            return new WriteUfsFileResponse { Length = length };
        }
        catch (Exception e) when (e is not RpcException)
        {
            throw GrpcErrors.ToRpc(e);
        }
    }

    public Task<CacheResponse> Cache(CacheRequest request, ServerCallContext context) =>
        GrpcErrors.Map(async () =>
        {
            var (already, tier) = await worker.CacheBlockAsync(request.BlockId, context.CancellationToken);
            return new CacheResponse { AlreadyCached = already, TierAlias = tier };
        });

    /// <summary>
    /// Leases a cached block to a client on this host, for as long as its request stream stays open; a miss is cached
    /// first (cache_on_miss), or answered with the block's range in its UFS file on this host (ufs_on_miss).
    /// </summary>
    public async Task OpenLocalBlock(IAsyncStreamReader<OpenLocalBlockRequest> requestStream, IServerStreamWriter<OpenLocalBlockResponse> responseStream, ServerCallContext context)
    {
        try
        {
            if (!await requestStream.MoveNext(context.CancellationToken))
            {
                return;
            }

            var request = requestStream.Current;
            if (request.UfsOnMiss && await worker.LocateUfsBlockAsync(request.BlockId, request.CacheOnMiss, context.CancellationToken) is { } range)
            {
                using (range)
                {
                    await responseStream.WriteAsync(new OpenLocalBlockResponse { Path = range.File.HostPath, Offset = range.Offset, Length = range.Length, TierAlias = "UFS", FromUfs = true, FileLength = range.File.Length, FileMtimeNanos = range.File.LastModifiedNanos });
                    worker.ReportShortCircuitRead(fromUfs: true, await BytesReadAsync(requestStream, range.Length, context.CancellationToken));
                    return;
                }
            }

            if (request.CacheOnMiss)
            {
                await worker.CacheBlockAsync(request.BlockId, context.CancellationToken);
            }

            using var lease = await worker.LeaseBlockAsync(request.BlockId, request.Promote, context.CancellationToken);
            var response = new OpenLocalBlockResponse { Path = lease.FilePath, Length = lease.Length, TierAlias = lease.TierAlias, ChunkBytes = lease.ChunkBytes, Trusted = lease.Trusted };
            response.ChunkCrcs.Add(lease.ChunkCrcs);
            await responseStream.WriteAsync(response);
            var read = await BytesReadAsync(requestStream, lease.Length, context.CancellationToken); // the lease ends with the stream
            worker.ReportShortCircuitRead(fromUfs: false, read);
        }
        catch (Exception e) when (e is not RpcException)
        {
            throw GrpcErrors.ToRpc(e);
        }
    }

    /// <summary>A short-circuit write: the client writes the temp block's file; the stream carries reservations and the commit.</summary>
    public async Task CreateLocalBlock(IAsyncStreamReader<LocalWriteRequest> requestStream, IServerStreamWriter<LocalWriteResponse> responseStream, ServerCallContext context)
    {
        var token = context.CancellationToken;
        try
        {
            var first = await FirstAsync(requestStream, r => r.ValueCase == LocalWriteRequest.ValueOneofCase.Command, token);
            var command = first.Command;
            using var writer = await worker.CreateLocalBlockAsync(new BlockWriteCommand(command.BlockId, command.Tier, command.SpaceToReserve, command.Pinned), token);
            await responseStream.WriteAsync(new LocalWriteResponse { Path = writer.FilePath, ChunkBytes = writer.ChunkBytes });
            while (await requestStream.MoveNext(token))
            {
                var request = requestStream.Current;
                switch (request.ValueCase)
                {
                    case LocalWriteRequest.ValueOneofCase.ReserveTo:
                        await worker.ReserveLocalBlockAsync(writer, request.ReserveTo, token);
                        await responseStream.WriteAsync(new LocalWriteResponse { Reserved = request.ReserveTo });
                        break;
                    case LocalWriteRequest.ValueOneofCase.CommitLength:
                        var placement = await worker.CommitLocalBlockAsync(writer, request.CommitLength, request.ChunkCrcs.Count > 0 ? request.ChunkCrcs : null, token);
                        await responseStream.WriteAsync(new LocalWriteResponse { Committed = new WriteResponse { Length = placement.Length, TierAlias = placement.TierAlias } });
                        await EndOfRequestsAsync(requestStream, token);
                        return;
                    default:
                        throw new RpcException(new Status(StatusCode.InvalidArgument, "A local write stream carries one command, then reservations and one commit."));
                }
            }

            // The stream ended without a commit: disposing the writer aborts the block.
        }
        catch (Exception e) when (e is not RpcException)
        {
            throw GrpcErrors.ToRpc(e);
        }
    }

    /// <summary>
    /// Reads an OpenLocalBlock stream to its end: the bytes the client says it read (its last report, at most the
    /// block's length, so a client cannot inflate the metrics beyond what it was given).
    /// </summary>
    private static async Task<long> BytesReadAsync(IAsyncStreamReader<OpenLocalBlockRequest> stream, long length, CancellationToken cancellationToken)
    {
        long read = 0;
        while (await stream.MoveNext(cancellationToken))
        {
            read = Math.Clamp(stream.Current.BytesRead, 0, length);
        }

        return read;
    }

    /// <summary>
    /// Waits for the client to end its side of a finished stream before the handler returns, so the stream closes in
    /// order (client END_STREAM, then the server's trailers) instead of being reset. A reset stream stays counted by
    /// Kestrel among the connection's active streams until its handler is gone, and hundreds of them in a row make it
    /// drop the connection (ENHANCE_YOUR_CALM). A message after the end is a protocol error.
    /// </summary>
    private static async Task EndOfRequestsAsync<T>(IAsyncStreamReader<T> stream, CancellationToken cancellationToken)
    {
        if (await stream.MoveNext(cancellationToken))
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument, "The stream carried a message after its last one."));
        }
    }

    /// <summary>The first message of a write stream, which must be its command.</summary>
    private static async Task<T> FirstAsync<T>(IAsyncStreamReader<T> stream, Func<T, bool> isCommand, CancellationToken cancellationToken)
    {
        if (!await stream.MoveNext(cancellationToken))
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument, "The write stream ended before its command."));
        }

        return isCommand(stream.Current)
            ? stream.Current
            : throw new RpcException(new Status(StatusCode.InvalidArgument, "The first message of a write stream must be its command, not data."));
    }

    /// <summary>The pieces of a UFS file after its command: chunks of bytes or ids of its cached blocks (a second command is an error).</summary>
    private static async IAsyncEnumerable<Grains.Worker.UfsWritePiece> UfsPieces(IAsyncStreamReader<WriteUfsFileRequest> stream, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        while (await stream.MoveNext(cancellationToken))
        {
            var request = stream.Current;
            yield return request.ValueCase switch
            {
                WriteUfsFileRequest.ValueOneofCase.Chunk => new Grains.Worker.UfsWritePiece(request.Chunk.Memory),
                WriteUfsFileRequest.ValueOneofCase.BlockId => new Grains.Worker.UfsWritePiece(ReadOnlyMemory<byte>.Empty, request.BlockId),
                _ => throw new RpcException(new Status(StatusCode.InvalidArgument, "A UFS write stream carries one command, then only data chunks or block ids.")),
            };
        }
    }

    /// <summary>The data messages after the command, as memory (a second command is an error).</summary>
    private static async IAsyncEnumerable<ReadOnlyMemory<byte>> Chunks<T>(IAsyncStreamReader<T> stream, Func<T, ByteString?> chunk, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        while (await stream.MoveNext(cancellationToken))
        {
            yield return chunk(stream.Current)?.Memory
                ?? throw new RpcException(new Status(StatusCode.InvalidArgument, "A write stream carries one command, then only data."));
        }
    }
}
