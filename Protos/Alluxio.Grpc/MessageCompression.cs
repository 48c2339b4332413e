namespace Alluxio.Grpc;

/// <summary>How messages are compressed when sent (<c>grpc-encoding</c>). Received messages may always be identity or gzip.</summary>
public enum MessageCompression
{
    /// <summary>Messages are sent uncompressed.</summary>
    None = 0,
    /// <summary>Messages are gzip-compressed (compressed flag 1, <c>grpc-encoding: gzip</c>).</summary>
    Gzip = 1,
}
