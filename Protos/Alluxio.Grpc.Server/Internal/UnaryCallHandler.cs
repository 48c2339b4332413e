using Google.Protobuf;

namespace Alluxio.Grpc.Server.Internal;

internal sealed class UnaryCallHandler<TRequest, TResponse>(Method<TRequest, TResponse> method, ServerRuntime runtime, UnaryServerMethod<TRequest, TResponse> handler)
    : ServerCallHandler<TRequest, TResponse>(method, runtime)
    where TRequest : class, IMessage<TRequest>
    where TResponse : class, IMessage<TResponse>
{
    protected override async Task HandleCoreAsync(HttpServerCallContext context)
    {
        var request = await ReadSingleRequestAsync(context).ConfigureAwait(false);
        var response = await handler(request, context).ConfigureAwait(false);
        WriteSingleResponse(context, response);
    }
}
