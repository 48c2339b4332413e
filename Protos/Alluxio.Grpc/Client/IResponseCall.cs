namespace Alluxio.Grpc.Client;

/// <summary>The response side of a streaming call, independent of its request type.</summary>
internal interface IResponseCall<TResponse> : IAsyncStreamReader<TResponse>, IPayloadStreamReader, IDisposable
{
    Task<Metadata> ResponseHeadersAsync { get; }

    Status GetStatus();

    Metadata GetTrailers();
}
