using System.Net;
using Alluxio.Grpc.Server;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Alluxio.Bench.Grpc;

/// <summary>
/// One Kestrel h2c server with the gRPC Bench service and the raw HTTP/2 baselines (the same request and response
/// bytes without the gRPC layer: no framing codec, no status trailers, no protobuf), and the same service on the
/// project's own HTTP/2 server.
/// </summary>
internal sealed class BenchServer : IAsyncDisposable
{
    private static readonly byte[] s_unaryReply = new byte[5 + 18];
    private static readonly byte[] s_grpcReply = [0, 0, 0, 0, 18, 10, 16, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];

    private readonly WebApplication _app;
    private readonly Http2GrpcServer _own;

    private BenchServer(WebApplication app, Uri address, Http2GrpcServer own)
    {
        _app = app;
        Address = address;
        _own = own;
        OwnAddress = new Uri($"http://127.0.0.1:{own.LocalEndPoint!.Port}");
    }

    /// <summary>Kestrel's address.</summary>
    public Uri Address { get; }

    /// <summary>The same service on the project's own HTTP/2 server (<see cref="Http2GrpcServer"/>).</summary>
    public Uri OwnAddress { get; }

    public static async Task<BenchServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0, l => l.UseGrpcH2c()));
        builder.Services.AddGrpcWire();
        builder.Services.AddSingleton<BenchService>();
        var app = builder.Build();
        app.MapGrpcService<BenchService>(Messages.BenchReflection.Descriptor.Services[0]);
        app.MapPost("/raw/unary", RawUnaryAsync);
        app.MapGet("/raw/stream", RawStreamAsync);
        app.MapPost("/raw.Bench/Unary", RawGrpcUnaryAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var own = new Http2GrpcServer(app.Services, new Http2GrpcServerOptions { StreamWindowSize = 4 << 20 });
        own.MapGrpcService<BenchService>(Messages.BenchReflection.Descriptor.Services[0]);
        own.Start(new IPEndPoint(IPAddress.Loopback, 0));
        return new BenchServer(app, new Uri(address), own);
    }

    public async ValueTask DisposeAsync()
    {
        await _own.DisposeAsync();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private static async Task RawUnaryAsync(HttpContext context)
    {
        // Drain the request body, answer a fixed body of the size of the gRPC reply.
        var reader = context.Request.BodyReader;
        while (true)
        {
            var result = await reader.ReadAsync();
            reader.AdvanceTo(result.Buffer.End);
            if (result.IsCompleted)
                break;
        }

        context.Response.ContentType = "application/octet-stream";
        await context.Response.BodyWriter.WriteAsync(s_unaryReply);
    }

    /// <summary>A hand-written gRPC unary answer (fixed reply, status in trailers): isolates the client's cost.</summary>
    private static async Task RawGrpcUnaryAsync(HttpContext context)
    {
        var reader = context.Request.BodyReader;
        while (true)
        {
            var result = await reader.ReadAsync();
            reader.AdvanceTo(result.Buffer.End);
            if (result.IsCompleted)
                break;
        }

        context.Response.ContentType = "application/grpc";
        context.Response.AppendTrailer("grpc-status", "0");
        await context.Response.BodyWriter.WriteAsync(s_grpcReply);
    }

    private static async Task RawStreamAsync(HttpContext context)
    {
        var count = int.Parse(context.Request.Query["count"]!, System.Globalization.CultureInfo.InvariantCulture);
        var size = int.Parse(context.Request.Query["size"]!, System.Globalization.CultureInfo.InvariantCulture);
        var chunk = new byte[size];
        context.Response.ContentType = "application/octet-stream";
        for (var i = 0; i < count; i++)
            await context.Response.BodyWriter.WriteAsync(chunk);
    }
}
