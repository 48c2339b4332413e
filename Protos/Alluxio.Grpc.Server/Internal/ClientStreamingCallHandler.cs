using Google.Protobuf;

namespace Alluxio.Grpc.Server.Internal;

internal sealed class ClientStreamingCallHandler<TRequest, TResponse>(Method<TRequest, TResponse> method, ServerRuntime runtime, ClientStreamingServerMethod<TRequest, TResponse> handler)
    : ServerCallHandler<TRequest, TResponse>(method, runtime)
    where TRequest : class, IMessage<TRequest>
    where TResponse : class, IMessage<TResponse>
{
    protected override bool StreamsRequests => true;

    protected override async Task HandleCoreAsync(HttpServerCallContext context)
    {
        var reader = new HttpServerStreamReader<TRequest>(context, Method.RequestParser);
        var response = await handler(reader, context).ConfigureAwait(false);
        WriteSingleResponse(context, response);
    }
}
