using System.Runtime.CompilerServices;
using Alluxio.Grpc.Client;
using Google.Protobuf;

namespace Alluxio.Grpc;

/// <summary>
/// A running client-streaming call: write to <see cref="RequestStream"/>, call <c>CompleteAsync</c>, then await
/// <see cref="ResponseAsync"/> (or the call itself). Dispose cancels the call if it is still running.
/// </summary>
/// <typeparam name="TRequest">The request message type.</typeparam>
/// <typeparam name="TResponse">The response message type.</typeparam>
public sealed class AsyncClientStreamingCall<TRequest, TResponse> : IDisposable
    where TRequest : class, IMessage<TRequest>
    where TResponse : class, IMessage<TResponse>
{
    private readonly StreamingCall<TRequest, TResponse> _call;

    internal AsyncClientStreamingCall(StreamingCall<TRequest, TResponse> call)
    {
        _call = call;
    }

    public IClientStreamWriter<TRequest> RequestStream => _call;

    /// <summary>The response; faults with <see cref="RpcException"/> when the call does not end OK.</summary>
    public Task<TResponse> ResponseAsync => _call.SingleResponseAsync;

    public Task<Metadata> ResponseHeadersAsync => _call.ResponseHeadersAsync;

    public Status GetStatus() => _call.GetStatus();

    public Metadata GetTrailers() => _call.GetTrailers();

    public TaskAwaiter<TResponse> GetAwaiter() => ResponseAsync.GetAwaiter();

    public void Dispose() => _call.Dispose();
}
