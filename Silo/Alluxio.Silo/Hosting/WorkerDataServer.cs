using System.Net;
using Alluxio.Grpc.Server;
using Alluxio.Silo.Grpc;
using Microsoft.Extensions.Options;

namespace Alluxio.Silo.Hosting;

/// <summary>
/// The worker's data port: the BlockWorker service (and health) on the project's own HTTP/2 server, where block
/// bytes stream without Kestrel's copies (docs/grpc-wire.md). The port is bound when this is created, so the worker
/// can register its actual address (a port of 0 becomes a free one); connections are taken once the host starts, and
/// the server stops (GOAWAY, then its calls finish or are cancelled) before the worker does.
/// </summary>
internal sealed class WorkerDataServer : IHostedService, IAsyncDisposable
{
    private readonly Http2GrpcServer _server;

    public WorkerDataServer(IServiceProvider services, IOptions<SiloHostOptions> host, IOptions<Http2GrpcServerOptions> options)
    {
        var settings = options.Value;
        if (host.Value.TlsCertificate is { } certificate)
            settings.Certificate = GrpcCertificates.Load(certificate, host.Value.TlsKey, host.Value.TlsCertificatePassword);
        _server = new Http2GrpcServer(services, settings);
        _server.MapGrpcService<BlockWorkerService>(Protos.Grpc.Block.BlockWorkerReflection.Descriptor.Services[0]);
        _server.MapGrpcHealthService();
        var address = IPAddress.TryParse(host.Value.BindAddress, out var ip) ? ip : IPAddress.Any;
        _server.Bind(new IPEndPoint(address, host.Value.DataPort));
    }

    /// <summary>The bound port.</summary>
    public int Port => _server.LocalEndPoint!.Port;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _server.Start();
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(TimeSpan.FromSeconds(5));
        await _server.StopAsync(limit.Token);
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();
}
