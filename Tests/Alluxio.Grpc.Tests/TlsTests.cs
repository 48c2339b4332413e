using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Alluxio.Grpc.Server;
using Alluxio.Grpc.Tests.Echo;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Xunit;

namespace Alluxio.Grpc.Tests;

public abstract class TlsTests : IDisposable
{
    /// <summary>Against Kestrel.</summary>
    public sealed class OnKestrel : TlsTests
    {
        protected override ServerKind Kind => ServerKind.Kestrel;
    }

    /// <summary>Against the project's own HTTP/2 server.</summary>
    public sealed class OnHttp2 : TlsTests
    {
        protected override ServerKind Kind => ServerKind.Http2;
    }

    /// <summary>The server the tests run against.</summary>
    protected abstract ServerKind Kind { get; }

    private readonly string _dir = Directory.CreateTempSubdirectory("alluxio-grpc-tls-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Theory]
    [InlineData(HttpProtocols.Http2)]
    [InlineData(HttpProtocols.Http1AndHttp2)]
    public async Task Calls_work_over_tls_with_a_pinned_self_signed_certificate_from_a_pfx_file(HttpProtocols protocols)
    {
        using var generated = CreateSelfSigned();
        var pfx = Path.Combine(_dir, "server.pfx");
        await File.WriteAllBytesAsync(pfx, generated.Export(X509ContentType.Pfx, "secret"));
        using var certificate = GrpcCertificates.Load(pfx, password: "secret");
        Assert.True(certificate.HasPrivateKey);

        await using var host = await TestHost.StartAsync(kind: Kind, certificate: certificate, protocols: protocols);
        var address = new Uri($"https://127.0.0.1:{host.Port}");
        var thumbprint = generated.Thumbprint;
        using var channel = GrpcChannel.ForAddress(address, new GrpcChannelOptions
        {
            RemoteCertificateValidationCallback = (_, cert, _, _) => cert is not null && cert.GetCertHashString() == thumbprint,
        });
        var reply = await Waits.For(channel.UnaryAsync(EchoMethods.Unary, new EchoRequest { Text = "over tls" }), "a unary call over TLS");
        Assert.Equal("over tls", reply.Text);

        using var call = channel.DuplexStreaming(EchoMethods.Duplex);
        await Waits.For(call.RequestStream.WriteAsync(new EchoRequest { Text = "d" }), "a duplex write over TLS");
        Assert.True(await Waits.For(call.ResponseStream.MoveNext(CancellationToken.None), "a duplex echo over TLS"));
        await call.RequestStream.CompleteAsync();
        Assert.False(await Waits.For(call.ResponseStream.MoveNext(CancellationToken.None), "the end of the duplex call over TLS"));
    }

    [Fact]
    public async Task The_direct_channel_calls_over_tls_with_alpn_h2()
    {
        using var certificate = CreateSelfSigned();
        await using var host = await TestHost.StartAsync(kind: Kind, certificate: certificate);
        var thumbprint = certificate.Thumbprint;
        using var channel = Direct.DirectChannel.ForAddress(new Uri($"https://127.0.0.1:{host.Port}"), new Direct.DirectChannelOptions
        {
            RemoteCertificateValidationCallback = (_, cert, _, _) => cert is not null && cert.GetCertHashString() == thumbprint,
        });
        using (var call = await Waits.For(channel.ServerStreamingAsync(EchoMethods.ServerStream, new StreamRequest { Count = 3, Size = 100_000 }).AsTask(), "a direct call over TLS"))
        {
            var count = 0;
            while (await call.ReadMessageAsync(EchoReply.Parser) is { } reply)
            {
                Assert.Equal(100_000, reply.Payload.Length);
                count++;
            }

            Assert.Equal(3, count);
        }

        using var untrusted = Direct.DirectChannel.ForAddress(new Uri($"https://127.0.0.1:{host.Port}"));
        var error = await Assert.ThrowsAsync<RpcException>(() => untrusted.StartCallAsync(EchoMethods.Unary).AsTask());
        Assert.Equal(StatusCode.Unavailable, error.StatusCode);
    }

    [Fact]
    public async Task Untrusted_certificate_is_unavailable_without_a_validation_callback()
    {
        using var certificate = CreateSelfSigned();
        await using var host = await TestHost.StartAsync(kind: Kind, certificate: certificate);
        using var channel = GrpcChannel.ForAddress($"https://127.0.0.1:{host.Port}");
        var error = await Waits.ForRpcError(() => channel.UnaryAsync(EchoMethods.Unary, new EchoRequest()), "a call to an untrusted TLS server");
        Assert.Equal(StatusCode.Unavailable, error.StatusCode);
    }

    [Fact]
    public async Task Pem_certificate_and_key_files_load()
    {
        using var generated = CreateSelfSigned();
        var certPath = Path.Combine(_dir, "server.crt");
        var keyPath = Path.Combine(_dir, "server.key");
        await File.WriteAllTextAsync(certPath, generated.ExportCertificatePem());
        using (var key = generated.GetECDsaPrivateKey()!)
            await File.WriteAllTextAsync(keyPath, key.ExportPkcs8PrivateKeyPem());

        using var certificate = GrpcCertificates.Load(certPath, keyPath);
        Assert.True(certificate.HasPrivateKey);
        Assert.Equal(generated.Thumbprint, certificate.Thumbprint);

        await using var host = await TestHost.StartAsync(kind: Kind, certificate: certificate);
        using var channel = GrpcChannel.ForAddress($"https://127.0.0.1:{host.Port}", new GrpcChannelOptions
        {
            RemoteCertificateValidationCallback = (_, cert, _, _) => cert is not null && cert.GetCertHashString() == generated.Thumbprint,
        });
        var reply = await Waits.For(channel.UnaryAsync(EchoMethods.Unary, new EchoRequest { Text = "pem" }), "a call to a server with a PEM certificate");
        Assert.Equal("pem", reply.Text);
    }

    private static X509Certificate2 CreateSelfSigned()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=alluxio-grpc-test", key, HashAlgorithmName.SHA256);
        var san = new SubjectAlternativeNameBuilder();
        san.AddIpAddress(System.Net.IPAddress.Loopback);
        san.AddDnsName("localhost");
        request.CertificateExtensions.Add(san.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], critical: false));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, critical: false));
        var now = DateTimeOffset.UtcNow;
        using var created = request.CreateSelfSigned(now.AddMinutes(-5), now.AddDays(1));
        // Round-trip through PKCS#12 so the key is usable by SslStream.
        return X509CertificateLoader.LoadPkcs12(created.Export(X509ContentType.Pfx), null, X509KeyStorageFlags.Exportable);
    }
}
