using Google.Protobuf;

namespace Alluxio.Grpc.Server.Internal;

internal sealed class ServerStreamingCallHandler<TRequest, TResponse>(Method<TRequest, TResponse> method, ServerRuntime runtime, ServerStreamingServerMethod<TRequest, TResponse> handler)
    : ServerCallHandler<TRequest, TResponse>(method, runtime)
    where TRequest : class, IMessage<TRequest>
    where TResponse : class, IMessage<TResponse>
{
    protected override async Task HandleCoreAsync(HttpServerCallContext context)
    {
        var request = await ReadSingleRequestAsync(context).ConfigureAwait(false);
        var writer = new HttpServerStreamWriter<TResponse>(context);
        try
        {
            await handler(request, writer, context).ConfigureAwait(false);
        }
        finally
        {
            writer.Complete();
        }
    }
}
