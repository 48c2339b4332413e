using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace Alluxio.Grpc.Direct;

/// <summary>Settings of a <see cref="DirectChannel"/>.</summary>
public sealed class DirectChannelOptions
{
    /// <summary>Largest response message accepted; null = unlimited. Default 4 MiB.</summary>
    public int? MaxReceiveMessageSize { get; set; } = Protocol.GrpcProtocol.DefaultMaxReceiveMessageSize;

    /// <summary>Largest request message sent; null (the default) = unlimited.</summary>
    public int? MaxSendMessageSize { get; set; }

    /// <summary>For https:// addresses: decides whether the server certificate is trusted. Null = the platform's validation.</summary>
    public RemoteCertificateValidationCallback? RemoteCertificateValidationCallback { get; set; }

    /// <summary>Client certificates offered for mutual TLS.</summary>
    public X509CertificateCollection? ClientCertificates { get; set; }

    /// <summary>Time to establish a connection (TCP and TLS) before the call fails UNAVAILABLE. Default 15 s.</summary>
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>
    /// The receive window of each connection and its one stream, in bytes: how far the server may send ahead of the
    /// reader. Default 8 MiB (eight 1 MiB messages in flight).
    /// </summary>
    public int ReceiveWindowSize { get; set; } = 8 << 20;

    /// <summary>Idle connections kept for the next calls. Default 8.</summary>
    public int MaxIdleConnections { get; set; } = 8;

    /// <summary>
    /// How long an idle connection is kept; older ones are closed instead of reused. Default 60 s (below the
    /// server's idle timeout, so a kept connection is not one the server is about to close).
    /// </summary>
    public TimeSpan IdleConnectionTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Source of the current time for deadlines and idle connections. Default <see cref="TimeProvider.System"/>.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    internal void Validate()
    {
        if (MaxReceiveMessageSize is <= 0)
            throw new ArgumentOutOfRangeException(nameof(MaxReceiveMessageSize), MaxReceiveMessageSize, "Must be positive or null.");
        if (MaxSendMessageSize is <= 0)
            throw new ArgumentOutOfRangeException(nameof(MaxSendMessageSize), MaxSendMessageSize, "Must be positive or null.");
        if (ReceiveWindowSize < Http2.Http2Settings.DefaultWindowSize)
            throw new ArgumentOutOfRangeException(nameof(ReceiveWindowSize), ReceiveWindowSize, "Must be at least 65535.");
        ArgumentOutOfRangeException.ThrowIfNegative(MaxIdleConnections);
        ArgumentNullException.ThrowIfNull(TimeProvider);
    }
}
