using System.Net;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace Alluxio.Grpc;

/// <summary>Settings of a <see cref="GrpcChannel"/>.</summary>
public sealed class GrpcChannelOptions
{
    /// <summary>Largest response message accepted (after decompression); null = unlimited. Default 4 MiB.</summary>
    public int? MaxReceiveMessageSize { get; set; } = Protocol.GrpcProtocol.DefaultMaxReceiveMessageSize;

    /// <summary>Largest request message sent; null (the default) = unlimited.</summary>
    public int? MaxSendMessageSize { get; set; }

    /// <summary>How request messages are compressed. Default none.</summary>
    public MessageCompression RequestCompression { get; set; }

    /// <summary>
    /// For https:// addresses: decides whether the server certificate is trusted (e.g. pin a self-signed
    /// certificate). Null = the platform's normal validation.
    /// </summary>
    public RemoteCertificateValidationCallback? RemoteCertificateValidationCallback { get; set; }

    /// <summary>Client certificates offered for mutual TLS.</summary>
    public X509CertificateCollection? ClientCertificates { get; set; }

    /// <summary>Proxy to use; null (the default) connects directly (environment proxy variables are ignored).</summary>
    public IWebProxy? Proxy { get; set; }

    /// <summary>Time to establish a connection (TCP and TLS) before the call fails UNAVAILABLE. Default 15 s.</summary>
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Interval of HTTP/2 keep-alive PINGs on idle connections; infinite (the default) = none.</summary>
    public TimeSpan KeepAlivePingDelay { get; set; } = Timeout.InfiniteTimeSpan;

    /// <summary>How long a keep-alive PING may go unanswered before the connection is closed. Default 20 s.</summary>
    public TimeSpan KeepAlivePingTimeout { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>
    /// Initial HTTP/2 receive window per stream, in bytes; null = the handler's default (64 KiB, grown dynamically).
    /// Larger values help single-stream throughput of large messages.
    /// </summary>
    public int? InitialHttp2StreamWindowSize { get; set; }

    /// <summary>Source of the current time for deadlines. Default <see cref="TimeProvider.System"/>.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>
    /// A handler to send requests with instead of the channel's own <see cref="SocketsHttpHandler"/> (tests,
    /// interception). It must speak HTTP/2 with response trailers. The TLS and connection settings above are then unused.
    /// </summary>
    public HttpMessageHandler? HttpHandler { get; set; }

    /// <summary>Whether disposing the channel disposes <see cref="HttpHandler"/>. Default true.</summary>
    public bool DisposeHttpHandler { get; set; } = true;

    internal void Validate()
    {
        if (MaxReceiveMessageSize is <= 0)
            throw new ArgumentOutOfRangeException(nameof(MaxReceiveMessageSize), MaxReceiveMessageSize, "Must be positive or null.");
        if (MaxSendMessageSize is <= 0)
            throw new ArgumentOutOfRangeException(nameof(MaxSendMessageSize), MaxSendMessageSize, "Must be positive or null.");
        if (InitialHttp2StreamWindowSize is < 65535)
            throw new ArgumentOutOfRangeException(nameof(InitialHttp2StreamWindowSize), InitialHttp2StreamWindowSize, "Must be at least 65535 or null.");
        ArgumentNullException.ThrowIfNull(TimeProvider);
    }
}
