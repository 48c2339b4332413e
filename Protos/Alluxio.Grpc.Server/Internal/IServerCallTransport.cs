using System.Buffers;
using System.IO.Pipelines;

namespace Alluxio.Grpc.Server.Internal;

/// <summary>
/// The HTTP/2 stream a gRPC call runs on, as the call layer needs it: request headers and body, response headers,
/// body and the fields that end the call. Kestrel (<see cref="KestrelCallTransport"/>) and the project's own HTTP/2
/// server (<see cref="Http2.Http2ServerStream"/>) provide it, so a call behaves the same on either.
/// </summary>
internal interface IServerCallTransport
{
    /// <summary>The client's address, e.g. <c>ipv4:127.0.0.1:50123</c>.</summary>
    string Peer { get; }

    /// <summary>Fires when the client resets the stream or the connection drops.</summary>
    CancellationToken Aborted { get; }

    /// <summary>The call's service scope (scoped and per-call services come from it).</summary>
    IServiceProvider RequestServices { get; }

    /// <summary>The request's body: the length-prefixed messages.</summary>
    PipeReader RequestBody { get; }

    /// <summary>Where response messages are written; nothing goes out before <see cref="FlushAsync"/>.</summary>
    IBufferWriter<byte> ResponseBody { get; }

    /// <summary>Whether the response headers were sent.</summary>
    bool ResponseStarted { get; }

    /// <summary>The first value of a request header, or null.</summary>
    string? RequestHeader(string name);

    /// <summary>Every request header field but the pseudo-headers, in order (a name may repeat).</summary>
    IEnumerable<KeyValuePair<string, string>> RequestHeaders();

    /// <summary>Sets a response header (before the response starts).</summary>
    void SetResponseHeader(string name, string value);

    /// <summary>Adds a response header value (before the response starts).</summary>
    void AppendResponseHeader(string name, string value);

    /// <summary>
    /// Sends what <see cref="ResponseBody"/> holds (the headers first, if not sent yet), waiting for flow control;
    /// false when the flush was cancelled.
    /// </summary>
    ValueTask<bool> FlushAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Sets the fields that end the call (grpc-status and the rest): trailers after the messages, or, when
    /// <paramref name="trailersOnly"/>, the headers of a response that has no messages. Called once, last.
    /// </summary>
    void EndCall(IReadOnlyList<KeyValuePair<string, string>> fields, bool trailersOnly);
}
