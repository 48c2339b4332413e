namespace Alluxio.Grpc.Http2;

/// <summary>
/// A violation of HTTP/2 by the peer, or a limit it crossed. A connection error ends the whole connection with
/// GOAWAY carrying <see cref="ErrorCode"/>; a stream error (<see cref="StreamId"/> set) resets only that stream.
/// </summary>
public sealed class Http2Exception : IOException
{
    public Http2Exception(Http2ErrorCode errorCode, string message, int streamId = 0)
        : base(message)
    {
        ErrorCode = errorCode;
        StreamId = streamId;
    }

    /// <summary>The error code sent to (or received from) the peer.</summary>
    public Http2ErrorCode ErrorCode { get; }

    /// <summary>The stream a stream error concerns; 0 for a connection error.</summary>
    public int StreamId { get; }

    /// <summary>Whether only <see cref="StreamId"/> fails, not the connection.</summary>
    public bool IsStreamError => StreamId != 0;

    /// <summary>A connection error.</summary>
    public static Http2Exception Connection(Http2ErrorCode code, string message) => new(code, message);

    /// <summary>A stream error.</summary>
    public static Http2Exception Stream(int streamId, Http2ErrorCode code, string message) => new(code, message, streamId);
}
