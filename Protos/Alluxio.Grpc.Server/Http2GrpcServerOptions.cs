using System.Security.Cryptography.X509Certificates;
using Alluxio.Grpc.Http2;

namespace Alluxio.Grpc.Server;

/// <summary>
/// Settings of <see cref="Http2GrpcServer"/>, the project's own HTTP/2 server for gRPC (the worker's data port).
/// The gRPC-level settings (message size limits, compression, exception details) are the shared
/// <see cref="GrpcServerOptions"/>.
/// </summary>
public sealed class Http2GrpcServerOptions
{
    /// <summary>Streams a client may have open on one connection (SETTINGS_MAX_CONCURRENT_STREAMS); more are refused. Default 100.</summary>
    public int MaxConcurrentStreams { get; set; } = 100;

    /// <summary>Request bytes a client may send on one stream ahead of the call reading them (the stream's receive window). Default 1 MiB.</summary>
    public int StreamWindowSize { get; set; } = 1 << 20;

    /// <summary>Request bytes a client may send on one connection ahead of its calls reading them. Default 16 MiB.</summary>
    public int ConnectionWindowSize { get; set; } = 16 << 20;

    /// <summary>The largest frame payload accepted (SETTINGS_MAX_FRAME_SIZE, 16 KiB .. 16 MiB - 1). Default 1 MiB.</summary>
    public int MaxFrameSize { get; set; } = 1 << 20;

    /// <summary>The largest request header list, as HPACK counts it (name + value + 32 per field); larger requests get 431. Default 32 KiB.</summary>
    public int MaxHeaderListSize { get; set; } = 32 * 1024;

    /// <summary>How long a connection may stay open without a stream before it is closed (GOAWAY). Default 130 s, as Kestrel's keep-alive.</summary>
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromSeconds(130);

    /// <summary>How long a new connection has to send the HTTP/2 preface (and complete TLS). Default 10 s.</summary>
    public TimeSpan HandshakeTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>A certificate (with its private key) to serve TLS with ALPN <c>h2</c>; null (the default) = cleartext h2c.</summary>
    public X509Certificate2? Certificate { get; set; }

    /// <summary>The problems with these values, empty when they are valid.</summary>
    public IEnumerable<string> Problems()
    {
        if (MaxConcurrentStreams < 1)
            yield return $"MaxConcurrentStreams must be at least 1 (is {MaxConcurrentStreams}).";
        if (StreamWindowSize < Http2Settings.DefaultWindowSize)
            yield return $"StreamWindowSize must be at least 65535 (is {StreamWindowSize}).";
        if (ConnectionWindowSize < Http2Settings.DefaultWindowSize)
            yield return $"ConnectionWindowSize must be at least 65535 (is {ConnectionWindowSize}).";
        if (MaxFrameSize < Http2Settings.MinMaxFrameSize || MaxFrameSize > Http2FrameHeader.MaxLength)
            yield return $"MaxFrameSize must be within 16384 .. 16777215 (is {MaxFrameSize}).";
        if (MaxHeaderListSize < 1024)
            yield return $"MaxHeaderListSize must be at least 1024 (is {MaxHeaderListSize}).";
        if (IdleTimeout <= TimeSpan.Zero || HandshakeTimeout <= TimeSpan.Zero)
            yield return "IdleTimeout and HandshakeTimeout must be positive.";
    }
}
