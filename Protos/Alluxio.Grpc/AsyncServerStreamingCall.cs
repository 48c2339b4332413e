using Alluxio.Grpc.Client;

namespace Alluxio.Grpc;

/// <summary>
/// A running server-streaming call. Read <see cref="ResponseStream"/> to the end (a failed call throws
/// <see cref="RpcException"/> there); Dispose cancels the call if it is still running (the server sees a reset).
/// </summary>
/// <typeparam name="TResponse">The response message type.</typeparam>
public sealed class AsyncServerStreamingCall<TResponse> : IDisposable
{
    private readonly IResponseCall<TResponse> _call;

    internal AsyncServerStreamingCall(IResponseCall<TResponse> call)
    {
        _call = call;
    }

    public IAsyncStreamReader<TResponse> ResponseStream => _call;

    /// <summary>The same response stream, read as serialized messages (no parsing, no copy into a message).</summary>
    public IPayloadStreamReader ResponsePayloads => _call;

    /// <summary>The response headers, once they arrive; faults with <see cref="RpcException"/> when the call fails first.</summary>
    public Task<Metadata> ResponseHeadersAsync => _call.ResponseHeadersAsync;

    /// <summary>The final status; throws <see cref="InvalidOperationException"/> while the call is running.</summary>
    public Status GetStatus() => _call.GetStatus();

    /// <summary>The trailers; throws <see cref="InvalidOperationException"/> while the call is running.</summary>
    public Metadata GetTrailers() => _call.GetTrailers();

    public void Dispose() => _call.Dispose();
}
