using System.Net;
using Alluxio.Grpc.Server;
using Alluxio.Grpc.Tests.Echo;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Xunit;

namespace Alluxio.Grpc.Tests;

public abstract class BindingTests
{
    /// <summary>Against Kestrel.</summary>
    public sealed class OnKestrel : BindingTests
    {
        protected override ServerKind Kind => ServerKind.Kestrel;
    }

    /// <summary>Against the project's own HTTP/2 server.</summary>
    public sealed class OnHttp2 : BindingTests
    {
        protected override ServerKind Kind => ServerKind.Http2;
    }

    /// <summary>The server the tests run against.</summary>
    protected abstract ServerKind Kind { get; }

    [Fact]
    public async Task Mismatched_service_fails_at_startup_naming_each_rpc_and_signature()
    {
        await using var app = NewApp(s => s.AddGrpcWire());
        var error = Assert.Throws<InvalidOperationException>(() => app.MapGrpcService<BrokenEchoService>(EchoMethods.Service));
        Assert.Contains("alluxio.test.echo.Echo", error.Message, StringComparison.Ordinal);
        Assert.Contains("rpc /alluxio.test.echo.Echo/Unary (Unary) needs `public Task<EchoReply> Unary(EchoRequest request, ServerCallContext context)`", error.Message, StringComparison.Ordinal);
        Assert.Contains("found only: public Task<EchoReply> Unary(EchoRequest)", error.Message, StringComparison.Ordinal);
        Assert.Contains("rpc /alluxio.test.echo.Echo/ServerStream (ServerStreaming) needs `public Task ServerStream(StreamRequest request, IServerStreamWriter<EchoReply> responseStream, ServerCallContext context)`; there is no method of that name.", error.Message, StringComparison.Ordinal);
        Assert.Contains("Duplex", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Mapping_without_AddGrpcWire_says_what_to_do()
    {
        await using var app = NewApp(_ => { });
        var error = Assert.Throws<InvalidOperationException>(() => app.MapGrpcService<EchoService>(EchoMethods.Service));
        Assert.Contains("AddGrpcWire", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invalid_options_fail_at_startup()
    {
        await using var app = NewApp(s => s.AddGrpcWire(o => o.MaxReceiveMessageSize = 0));
        var error = await Assert.ThrowsAnyAsync<Exception>(() => app.StartAsync());
        Assert.Contains("MaxReceiveMessageSize", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MapGrpcMethod_binds_delegates_for_every_shape()
    {
        await using var host = await TestHost.StartAsync(kind: Kind, map: app =>
        {
            var unary = new Method<EchoRequest, EchoReply>(MethodType.Unary, "custom.Svc", "Up", EchoRequest.Parser, EchoReply.Parser);
            app.MapGrpcMethod(unary, (EchoRequest r, ServerCallContext c) => Task.FromResult(new EchoReply { Text = r.Text.ToUpperInvariant() }));
            var server = new Method<EchoRequest, EchoReply>(MethodType.ServerStreaming, "custom.Svc", "Twice", EchoRequest.Parser, EchoReply.Parser);
            app.MapGrpcMethod(server, async (EchoRequest r, IServerStreamWriter<EchoReply> w, ServerCallContext c) =>
            {
                await w.WriteAsync(new EchoReply { Text = r.Text });
                await w.WriteAsync(new EchoReply { Text = r.Text });
            });
            var client = new Method<EchoRequest, EchoReply>(MethodType.ClientStreaming, "custom.Svc", "Join", EchoRequest.Parser, EchoReply.Parser);
            app.MapGrpcMethod(client, async (IAsyncStreamReader<EchoRequest> s, ServerCallContext c) =>
            {
                var parts = new List<string>();
                await foreach (var r in s.ReadAllAsync())
                    parts.Add(r.Text);
                return new EchoReply { Text = string.Join("+", parts) };
            });
            var duplex = new Method<EchoRequest, EchoReply>(MethodType.DuplexStreaming, "custom.Svc", "Mirror", EchoRequest.Parser, EchoReply.Parser);
            app.MapGrpcMethod(duplex, async (IAsyncStreamReader<EchoRequest> s, IServerStreamWriter<EchoReply> w, ServerCallContext c) =>
            {
                await foreach (var r in s.ReadAllAsync())
                    await w.WriteAsync(new EchoReply { Text = new string(r.Text.Reverse().ToArray()) });
            });
        });
        using var channel = host.CreateChannel();

        var up = new Method<EchoRequest, EchoReply>(MethodType.Unary, "custom.Svc", "Up", EchoRequest.Parser, EchoReply.Parser);
        Assert.Equal("ABC", (await Waits.For(channel.UnaryAsync(up, new EchoRequest { Text = "abc" }), "custom.Svc/Up")).Text);

        var twice = new Method<EchoRequest, EchoReply>(MethodType.ServerStreaming, "custom.Svc", "Twice", EchoRequest.Parser, EchoReply.Parser);
        using (var call = channel.ServerStreaming(twice, new EchoRequest { Text = "x" }))
        {
            var n = 0;
            await Waits.For(Task.Run(async () =>
            {
                await foreach (var _ in call.ResponseStream.ReadAllAsync())
                    n++;
            }), "custom.Svc/Twice");
            Assert.Equal(2, n);
        }

        var join = new Method<EchoRequest, EchoReply>(MethodType.ClientStreaming, "custom.Svc", "Join", EchoRequest.Parser, EchoReply.Parser);
        using (var call = channel.ClientStreaming(join))
        {
            await call.RequestStream.WriteAsync(new EchoRequest { Text = "a" });
            await call.RequestStream.WriteAsync(new EchoRequest { Text = "b" });
            await call.RequestStream.CompleteAsync();
            Assert.Equal("a+b", (await Waits.For(call.ResponseAsync, "custom.Svc/Join")).Text);
        }

        var mirror = new Method<EchoRequest, EchoReply>(MethodType.DuplexStreaming, "custom.Svc", "Mirror", EchoRequest.Parser, EchoReply.Parser);
        using (var call = channel.DuplexStreaming(mirror))
        {
            await call.RequestStream.WriteAsync(new EchoRequest { Text = "abc" });
            Assert.True(await Waits.For(call.ResponseStream.MoveNext(CancellationToken.None), "custom.Svc/Mirror echo"));
            Assert.Equal("cba", call.ResponseStream.Current.Text);
            await call.RequestStream.CompleteAsync();
        }

        // Other methods of a mapped service are UNIMPLEMENTED too.
        var other = new Method<EchoRequest, EchoReply>(MethodType.Unary, "custom.Svc", "Other", EchoRequest.Parser, EchoReply.Parser);
        var error = await Waits.ForRpcError(() => channel.UnaryAsync(other, new EchoRequest()), "custom.Svc/Other");
        Assert.Equal(StatusCode.Unimplemented, error.StatusCode);
    }

    [Fact]
    public async Task MapGrpcMethod_rejects_a_handler_of_the_wrong_shape()
    {
        await using var app = NewApp(s => s.AddGrpcWire());
        var method = new Method<EchoRequest, EchoReply>(MethodType.ServerStreaming, "custom.Svc", "S", EchoRequest.Parser, EchoReply.Parser);
        Assert.Throws<ArgumentException>(() => app.MapGrpcMethod(method, (EchoRequest r, ServerCallContext c) => Task.FromResult(new EchoReply())));
    }

    [Fact]
    public async Task Unregistered_services_are_created_and_disposed_per_call()
    {
        await using var host = await TestHost.StartAsync(kind: Kind, mapDefaults: false,
            map: app => app.MapGrpcService<PerCallHealth>(Alluxio.Protos.Grpc.Health.V1.HealthReflection.Descriptor.Services[0]));
        using var channel = host.CreateChannel();
        var check = Method<Alluxio.Protos.Grpc.Health.V1.HealthCheckRequest, Alluxio.Protos.Grpc.Health.V1.HealthCheckResponse>.From(
            Alluxio.Protos.Grpc.Health.V1.HealthReflection.Descriptor.Services[0], "Check");
        var before = Volatile.Read(ref PerCallHealth.Disposed);
        var first = await Waits.For(channel.UnaryAsync(check, new()), "the first Check");
        var second = await Waits.For(channel.UnaryAsync(check, new()), "the second Check");
        Assert.NotEqual(first.Status, second.Status);
        Assert.Equal(before + 2, Volatile.Read(ref PerCallHealth.Disposed));
    }

    internal static WebApplication NewApp(Action<IServiceCollection> configure)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0, l => l.UseGrpcH2c()));
        configure(builder.Services);
        return builder.Build();
    }

    /// <summary>Wrong shapes on purpose.</summary>
    public sealed class BrokenEchoService
    {
        public Task<EchoReply> Unary(EchoRequest request) => Task.FromResult(new EchoReply());

        public Task<SumReply> ClientStream(IAsyncStreamReader<SumRequest> requests, ServerCallContext context) => Task.FromResult(new SumReply());

        public Task Duplex(EchoRequest request, ServerCallContext context) => Task.CompletedTask;

        public Task<EchoReply> Fail(FailRequest request, ServerCallContext context) => Task.FromResult(new EchoReply());

        public Task<EchoReply> Slow(SlowRequest request, ServerCallContext context) => Task.FromResult(new EchoReply());
    }

    /// <summary>Not registered in DI: created per call (each instance answers differently) and disposed after it.</summary>
    public sealed class PerCallHealth : IDisposable
    {
        public static int Disposed;
        private static int s_created;
        private readonly int _id = Interlocked.Increment(ref s_created);

        public Task<Alluxio.Protos.Grpc.Health.V1.HealthCheckResponse> Check(Alluxio.Protos.Grpc.Health.V1.HealthCheckRequest request, ServerCallContext context) =>
            Task.FromResult(new Alluxio.Protos.Grpc.Health.V1.HealthCheckResponse
            {
                Status = _id % 2 == 0 ? Alluxio.Protos.Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus.Serving : Alluxio.Protos.Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus.NotServing,
            });

        public Task Watch(Alluxio.Protos.Grpc.Health.V1.HealthCheckRequest request, IServerStreamWriter<Alluxio.Protos.Grpc.Health.V1.HealthCheckResponse> responseStream, ServerCallContext context) =>
            Task.CompletedTask;

        public void Dispose() => Interlocked.Increment(ref Disposed);
    }
}
