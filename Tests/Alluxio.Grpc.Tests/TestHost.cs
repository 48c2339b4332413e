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

/// <summary>
/// A real server on 127.0.0.1 with an ephemeral port, serving Echo and Health: Kestrel, or the project's own HTTP/2
/// server (<see cref="ServerKind"/>), configured alike.
/// </summary>
public sealed class TestHost : IAsyncDisposable
{
    private readonly WebApplication? _app;
    private readonly Http2GrpcServer? _server;
    private readonly ServiceProvider? _provider;

    private TestHost(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
        Kind = ServerKind.Kestrel;
    }

    private TestHost(Http2GrpcServer server, ServiceProvider provider, Uri address)
    {
        _server = server;
        _provider = provider;
        Address = address;
        Kind = ServerKind.Http2;
    }

    public ServerKind Kind { get; }

    public Uri Address { get; }

    public int Port => Address.Port;

    public EchoService Echo => Services.GetRequiredService<EchoService>();

    public HealthService Health => Services.GetRequiredService<HealthService>();

    public IServiceProvider Services => _app?.Services ?? _provider!;

    public static async Task<TestHost> StartAsync(
        Action<GrpcServerOptions>? configure = null,
        X509Certificate2? certificate = null,
        HttpProtocols protocols = HttpProtocols.Http2,
        Action<TestRoutes>? map = null,
        bool mapDefaults = true,
        ServerKind kind = ServerKind.Kestrel,
        Action<Http2GrpcServerOptions>? http2 = null,
        ILoggerProvider? logs = null)
    {
        if (kind == ServerKind.Http2)
            return StartHttp2(configure, certificate, map, mapDefaults, http2, logs);

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
        var routes = new TestRoutes(app);
        if (mapDefaults)
        {
            routes.MapGrpcService<EchoService>(EchoMethods.Service);
            routes.MapGrpcHealthService();
        }

        map?.Invoke(routes);
        await Waits.For(app.StartAsync(), "the Kestrel test server to start");
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new TestHost(app, new Uri(address));
    }

    public GrpcChannel CreateChannel(GrpcChannelOptions? options = null) => GrpcChannel.ForAddress(Address, options);

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        if (_server is not null)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            await _server.StopAsync(timeout.Token);
            await _server.DisposeAsync();
            await _provider!.DisposeAsync();
        }
    }

    private static TestHost StartHttp2(Action<GrpcServerOptions>? configure, X509Certificate2? certificate, Action<TestRoutes>? map, bool mapDefaults, Action<Http2GrpcServerOptions>? http2, ILoggerProvider? logs)
    {
        var services = new ServiceCollection();
        // ALLUXIO_TEST_LOG=1 shows the server's log (connection and stream errors are at Debug).
        services.AddLogging(logging =>
        {
            if (Environment.GetEnvironmentVariable("ALLUXIO_TEST_LOG") == "1")
                logging.AddConsole().SetMinimumLevel(LogLevel.Debug);
            if (logs is not null)
                logging.AddProvider(logs);
        });
        services.AddGrpcWire(configure);
        services.AddSingleton<EchoService>();
        var provider = services.BuildServiceProvider();
        var options = new Http2GrpcServerOptions { Certificate = certificate };
        http2?.Invoke(options);
        var server = new Http2GrpcServer(provider, options);
        var routes = new TestRoutes(server);
        if (mapDefaults)
        {
            routes.MapGrpcService<EchoService>(EchoMethods.Service);
            routes.MapGrpcHealthService();
        }

        map?.Invoke(routes);
        server.Start(new IPEndPoint(IPAddress.Loopback, 0));
        var scheme = certificate is null ? "http" : "https";
        return new TestHost(server, provider, new Uri($"{scheme}://127.0.0.1:{server.LocalEndPoint!.Port}"));
    }
}
