using Alluxio.Client.Internal;
using Alluxio.Grpc;
using Google.Protobuf;

namespace Alluxio.Client.IO;

/// <summary>A client-streaming block rpc over a <see cref="GrpcChannel"/> (the master connection).</summary>
internal sealed class GrpcChunkStream<TRequest, TResponse>(AsyncClientStreamingCall<TRequest, TResponse> call, Func<ByteString, TRequest> chunkMessage) : IChunkStream<TRequest, TResponse>
    where TRequest : class, IMessage<TRequest>
    where TResponse : class, IMessage<TResponse>
{
    public ValueTask WriteAsync(TRequest message, CancellationToken cancellationToken) => new(SendAsync(message, cancellationToken));

    // No copy: the write serializes the message before it returns, so the caller's memory is free once it is awaited.
    public ValueTask WriteChunkAsync(ReadOnlyMemory<byte> chunk, CancellationToken cancellationToken) =>
        new(SendAsync(chunkMessage(UnsafeByteOperations.UnsafeWrap(chunk)), cancellationToken));

    public async ValueTask<TResponse> CompleteAsync(CancellationToken cancellationToken)
    {
        try
        {
            await call.RequestStream.CompleteAsync();
            return await call.ResponseAsync.WaitAsync(cancellationToken);
        }
        catch (RpcException e)
        {
            throw ClientErrors.FromRpc(e);
        }
    }

    public void Dispose() => call.Dispose();

    private async Task SendAsync(TRequest message, CancellationToken cancellationToken)
    {
        try
        {
            await call.RequestStream.WriteAsync(message, cancellationToken);
        }
        catch (Exception e) when (e is RpcException or IOException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            // The server ended the call (no room, a failing disk or UFS...): its status says why, not the broken write.
            Exception reason = e is RpcException rpc ? ClientErrors.FromRpc(rpc) : e;
            try
            {
                await call.ResponseAsync.WaitAsync(TimeSpan.FromSeconds(5), CancellationToken.None);
            }
            catch (RpcException status)
            {
                reason = ClientErrors.FromRpc(status);
            }
            catch (TimeoutException)
            {
            }

            throw reason;
        }
    }
}
