using Google.Protobuf;

namespace Alluxio.Grpc.Server.Internal;

internal sealed class DuplexStreamingCallHandler<TRequest, TResponse>(Method<TRequest, TResponse> method, ServerRuntime runtime, DuplexStreamingServerMethod<TRequest, TResponse> handler)
    : ServerCallHandler<TRequest, TResponse>(method, runtime)
    where TRequest : class, IMessage<TRequest>
    where TResponse : class, IMessage<TResponse>
{
    protected override bool StreamsRequests => true;

    protected override async Task HandleCoreAsync(HttpServerCallContext context)
    {
        var reader = new HttpServerStreamReader<TRequest>(context, Method.RequestParser);
        var writer = new HttpServerStreamWriter<TResponse>(context);
        try
        {
            await handler(reader, writer, context).ConfigureAwait(false);
        }
        finally
        {
            writer.Complete();
        }
    }
}
