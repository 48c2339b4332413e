using Alluxio.Protos.Grpc.Health.V1;
using Xunit;
using ServingStatus = Alluxio.Protos.Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus;

namespace Alluxio.Grpc.Tests;

public abstract class HealthTests(TestHostFixture fixture)
{
    /// <summary>Against Kestrel.</summary>
    public sealed class OnKestrel(KestrelHostFixture fixture) : HealthTests(fixture), IClassFixture<KestrelHostFixture>;

    /// <summary>Against the project's own HTTP/2 server.</summary>
    public sealed class OnHttp2(Http2HostFixture fixture) : HealthTests(fixture), IClassFixture<Http2HostFixture>;

    private static readonly Google.Protobuf.Reflection.ServiceDescriptor Service = HealthReflection.Descriptor.Services[0];
    private static readonly Method<HealthCheckRequest, HealthCheckResponse> Check = Method<HealthCheckRequest, HealthCheckResponse>.From(Service, "Check");
    private static readonly Method<HealthCheckRequest, HealthCheckResponse> Watch = Method<HealthCheckRequest, HealthCheckResponse>.From(Service, "Watch");

    [Fact]
    public void The_service_has_the_standard_names()
    {
        Assert.Equal("grpc.health.v1.Health", Service.FullName);
        Assert.Equal("/grpc.health.v1.Health/Check", Check.FullName);
        Assert.Equal(MethodType.ServerStreaming, Watch.Type);
    }

    [Fact]
    public async Task Check_reports_the_server_and_named_services()
    {
        var reply = await Waits.For(fixture.Channel.UnaryAsync(Check, new HealthCheckRequest()), "Check(\"\")");
        Assert.Equal(ServingStatus.Serving, reply.Status);

        fixture.Host.Health.SetStatus("alluxio.Checked", ServingStatus.NotServing);
        reply = await Waits.For(fixture.Channel.UnaryAsync(Check, new HealthCheckRequest { Service = "alluxio.Checked" }), "Check(alluxio.Checked)");
        Assert.Equal(ServingStatus.NotServing, reply.Status);

        var error = await Waits.ForRpcError(() => fixture.Channel.UnaryAsync(Check, new HealthCheckRequest { Service = "no.such.Service" }), "Check(unknown)");
        Assert.Equal(StatusCode.NotFound, error.StatusCode);
    }

    [Fact]
    public async Task Watch_streams_the_current_status_and_each_change()
    {
        var health = fixture.Host.Health;
        health.SetStatus("alluxio.Watched", ServingStatus.Serving);
        using var call = fixture.Channel.ServerStreaming(Watch, new HealthCheckRequest { Service = "alluxio.Watched" });
        var stream = call.ResponseStream;
        Assert.True(await Waits.For(stream.MoveNext(CancellationToken.None), "the first Watch message"));
        Assert.Equal(ServingStatus.Serving, stream.Current.Status);

        health.SetStatus("alluxio.Watched", ServingStatus.NotServing);
        Assert.True(await Waits.For(stream.MoveNext(CancellationToken.None), "the Watch message after NOT_SERVING"));
        Assert.Equal(ServingStatus.NotServing, stream.Current.Status);

        health.ClearStatus("alluxio.Watched");
        Assert.True(await Waits.For(stream.MoveNext(CancellationToken.None), "the Watch message after clearing"));
        Assert.Equal(ServingStatus.ServiceUnknown, stream.Current.Status);
    }

    [Fact]
    public void Shutdown_marks_everything_not_serving_for_good()
    {
        var health = new Server.Health.HealthService();
        health.SetStatus("a", ServingStatus.Serving);
        health.Shutdown();
        health.SetStatus("a", ServingStatus.Serving);
        Assert.Equal(ServingStatus.NotServing, health.GetStatus("a"));
        Assert.Equal(ServingStatus.NotServing, health.GetStatus(""));
    }
}
