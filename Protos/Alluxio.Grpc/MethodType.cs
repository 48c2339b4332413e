namespace Alluxio.Grpc;

/// <summary>The four call shapes, from the <c>stream</c> keywords of the rpc.</summary>
public enum MethodType
{
    /// <summary>One request, one response.</summary>
    Unary = 0,
    /// <summary>A stream of requests, one response.</summary>
    ClientStreaming = 1,
    /// <summary>One request, a stream of responses.</summary>
    ServerStreaming = 2,
    /// <summary>Streams both ways, independently.</summary>
    DuplexStreaming = 3,
}
