using Alluxio.Client.Internal;
using Alluxio.Grpc;
using Alluxio.Grpc.Direct;
using Google.Protobuf;

namespace Alluxio.Client.IO;

/// <summary>
/// A client-streaming block rpc over a <see cref="DirectChannel"/> (the worker's data port): a chunk message is its
/// field's tag and length, then the caller's bytes, written from where they are.
/// </summary>
internal sealed class DirectChunkStream<TRequest, TResponse>(DirectCall call, int chunkField, MessageParser<TResponse> parser) : IChunkStream<TRequest, TResponse>
    where TRequest : class, IMessage<TRequest>
    where TResponse : class, IMessage<TResponse>
{
    private readonly byte[] _head = new byte[16];

    public async ValueTask WriteAsync(TRequest message, CancellationToken cancellationToken)
    {
        try
        {
            await call.WriteMessageAsync(message, cancellationToken);
        }
        catch (RpcException e)
        {
            throw ClientErrors.FromRpc(e);
        }
    }

    public async ValueTask WriteChunkAsync(ReadOnlyMemory<byte> chunk, CancellationToken cancellationToken)
    {
        var output = new CodedOutputStream(_head);
        output.WriteTag(chunkField, WireFormat.WireType.LengthDelimited);
        output.WriteLength(chunk.Length);
        output.Flush();
        try
        {
            await call.WritePayloadAsync(_head.AsMemory(0, (int)output.Position), chunk, cancellationToken);
        }
        catch (RpcException e)
        {
            throw ClientErrors.FromRpc(e);
        }
    }

    public async ValueTask<TResponse> CompleteAsync(CancellationToken cancellationToken)
    {
        try
        {
            await call.CompleteRequestAsync(cancellationToken);
            var response = await call.ReadMessageAsync(parser, cancellationToken)
                ?? throw new RpcException(new Status(StatusCode.Internal, "The worker ended the call without its response."));
            if (await call.NextMessageAsync(cancellationToken) is not null)
            {
                throw new RpcException(new Status(StatusCode.Internal, "The worker sent more than one response."));
            }

            return response;
        }
        catch (RpcException e)
        {
            throw ClientErrors.FromRpc(e);
        }
    }

    public void Dispose() => call.Dispose();
}
