using Alluxio.Grpc.Client;
using Google.Protobuf;

namespace Alluxio.Grpc;

/// <summary>
/// A running duplex call: <see cref="RequestStream"/> and <see cref="ResponseStream"/> are independent and may be
/// used from different tasks (one writer and one reader at a time). Dispose cancels the call if it is still running.
/// </summary>
/// <typeparam name="TRequest">The request message type.</typeparam>
/// <typeparam name="TResponse">The response message type.</typeparam>
public sealed class AsyncDuplexStreamingCall<TRequest, TResponse> : IDisposable
    where TRequest : class, IMessage<TRequest>
    where TResponse : class, IMessage<TResponse>
{
    private readonly StreamingCall<TRequest, TResponse> _call;

    internal AsyncDuplexStreamingCall(StreamingCall<TRequest, TResponse> call)
    {
        _call = call;
    }

    public IClientStreamWriter<TRequest> RequestStream => _call;

    public IAsyncStreamReader<TResponse> ResponseStream => _call;

    public Task<Metadata> ResponseHeadersAsync => _call.ResponseHeadersAsync;

    public Status GetStatus() => _call.GetStatus();

    public Metadata GetTrailers() => _call.GetTrailers();

    public void Dispose() => _call.Dispose();
}
