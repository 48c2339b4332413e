using System.Net;
using System.Security.Cryptography.X509Certificates;
using Alluxio.Grpc.Server;
using Alluxio.Grpc.Server.Health;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Alluxio.Grpc.Tests;

/// <summary>A real Kestrel server on 127.0.0.1 with an ephemeral port, serving Echo and Health.</summary>
public sealed class TestHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private TestHost(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
    }

    public Uri Address { get; }

    public int Port => Address.Port;

    public EchoService Echo => _app.Services.GetRequiredService<EchoService>();

    public HealthService Health => _app.Services.GetRequiredService<HealthService>();

    public IServiceProvider Services => _app.Services;

    public static async Task<TestHost> StartAsync(
        Action<GrpcServerOptions>? configure = null,
        X509Certificate2? certificate = null,
        HttpProtocols protocols = HttpProtocols.Http2,
        Action<WebApplication>? map = null,
        bool mapDefaults = true)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen =>
        {
            if (certificate is null)
                listen.UseGrpcH2c();
            else
                listen.UseGrpcTls(certificate, protocols);
        }));
        builder.Services.AddGrpcWire(configure);
        builder.Services.AddSingleton<EchoService>();
        var app = builder.Build();
        if (mapDefaults)
        {
            app.MapGrpcService<EchoService>(EchoMethods.Service);
            app.MapGrpcHealthService();
        }

        map?.Invoke(app);
        await Waits.For(app.StartAsync(), "the Kestrel test server to start");
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new TestHost(app, new Uri(address));
    }

    public GrpcChannel CreateChannel(GrpcChannelOptions? options = null) => GrpcChannel.ForAddress(Address, options);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
