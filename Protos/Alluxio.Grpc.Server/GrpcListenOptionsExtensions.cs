using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Alluxio.Grpc.Server;

/// <summary>Kestrel endpoint settings for gRPC.</summary>
public static class GrpcListenOptionsExtensions
{
    /// <summary>
    /// Cleartext HTTP/2 with prior knowledge (h2c): what gRPC clients use on http:// addresses. HTTP/1.1 is not
    /// offered on this endpoint (without TLS there is no ALPN to choose between them).
    /// </summary>
    public static ListenOptions UseGrpcH2c(this ListenOptions listenOptions)
    {
        ArgumentNullException.ThrowIfNull(listenOptions);
        listenOptions.Protocols = HttpProtocols.Http2;
        return listenOptions;
    }

    /// <summary>
    /// TLS with <paramref name="certificate"/>; ALPN offers h2 (and http/1.1 with
    /// <see cref="HttpProtocols.Http1AndHttp2"/>, so browsers and /metrics scrapers can share the port).
    /// </summary>
    public static ListenOptions UseGrpcTls(this ListenOptions listenOptions, X509Certificate2 certificate, HttpProtocols protocols = HttpProtocols.Http1AndHttp2)
    {
        ArgumentNullException.ThrowIfNull(listenOptions);
        ArgumentNullException.ThrowIfNull(certificate);
        if (!protocols.HasFlag(HttpProtocols.Http2))
            throw new ArgumentException($"gRPC needs HTTP/2; protocols {protocols} do not include it.", nameof(protocols));
        if (!certificate.HasPrivateKey)
            throw new ArgumentException("The TLS certificate has no private key.", nameof(certificate));
        listenOptions.Protocols = protocols;
        listenOptions.UseHttps(certificate);
        return listenOptions;
    }

    /// <summary>TLS with a certificate loaded from a file (PFX/P12, or PEM with its key); see <see cref="GrpcCertificates.Load"/>.</summary>
    public static ListenOptions UseGrpcTls(this ListenOptions listenOptions, string certificatePath, string? keyPath = null, string? password = null,
        HttpProtocols protocols = HttpProtocols.Http1AndHttp2)
    {
        return listenOptions.UseGrpcTls(GrpcCertificates.Load(certificatePath, keyPath, password), protocols);
    }
}
