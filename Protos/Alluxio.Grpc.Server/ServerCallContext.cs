namespace Alluxio.Grpc.Server;

/// <summary>What a service handler knows about its call, and how it shapes the response's headers and status.</summary>
public abstract class ServerCallContext
{
    /// <summary>The rpc path, e.g. <c>/grpc.health.v1.Health/Check</c>.</summary>
    public abstract string Method { get; }

    /// <summary>The client's address, e.g. <c>ipv4:127.0.0.1:50123</c>.</summary>
    public abstract string Peer { get; }

    /// <summary>The call's deadline (UTC) from <c>grpc-timeout</c>; <see cref="DateTime.MaxValue"/> when none.</summary>
    public abstract DateTime Deadline { get; }

    /// <summary>Fires when the client cancels (RST_STREAM), the connection drops, or the deadline passes.</summary>
    public abstract CancellationToken CancellationToken { get; }

    /// <summary>Custom request metadata (protocol headers such as content-type and grpc-timeout are left out).</summary>
    public abstract Metadata RequestHeaders { get; }

    /// <summary>Metadata to send in the trailers with the status.</summary>
    public abstract Metadata ResponseTrailers { get; }

    /// <summary>The status to end the call with when the handler returns normally. Default OK.</summary>
    public abstract Status Status { get; set; }

    /// <summary>Sends the response headers now (at most once, before the first message).</summary>
    public abstract Task WriteResponseHeadersAsync(Metadata responseHeaders);
}
