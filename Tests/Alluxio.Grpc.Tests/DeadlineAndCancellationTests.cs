using Alluxio.Grpc.Tests.Echo;
using Xunit;

namespace Alluxio.Grpc.Tests;

public abstract class DeadlineAndCancellationTests(TestHostFixture fixture)
{
    /// <summary>Against Kestrel.</summary>
    public sealed class OnKestrel(KestrelHostFixture fixture) : DeadlineAndCancellationTests(fixture), IClassFixture<KestrelHostFixture>;

    /// <summary>Against the project's own HTTP/2 server.</summary>
    public sealed class OnHttp2(Http2HostFixture fixture) : DeadlineAndCancellationTests(fixture), IClassFixture<Http2HostFixture>;

    private GrpcChannel Channel => fixture.Channel;

    private EchoService Echo => fixture.Host.Echo;

    [Fact]
    public async Task Client_deadline_fails_the_call_with_deadline_exceeded_and_the_server_stops()
    {
        var tag = NewTag();
        var observation = Echo.Observe(tag);
        var options = new CallOptions(deadline: DateTime.UtcNow.AddMilliseconds(300));
        var error = await Waits.ForRpcError(
            () => Channel.UnaryAsync(EchoMethods.Slow, new SlowRequest { Millis = 60_000, Tag = tag }, options), "a Slow call past its deadline");
        Assert.Equal(StatusCode.DeadlineExceeded, error.StatusCode);
        var reason = await Waits.For(observation.Ended.Task, "the Slow handler to see its token fire");
        Assert.Contains(reason, new[] { "deadline", "cancelled" });
    }

    [Fact]
    public async Task Deadline_in_the_past_fails_without_calling()
    {
        var tag = NewTag();
        var observation = Echo.Observe(tag);
        var options = new CallOptions(deadline: DateTime.UtcNow.AddSeconds(-1));
        var error = await Waits.ForRpcError(
            () => Channel.UnaryAsync(EchoMethods.Slow, new SlowRequest { Millis = 1, Tag = tag }, options), "a call with an expired deadline");
        Assert.Equal(StatusCode.DeadlineExceeded, error.StatusCode);
        Assert.False(observation.Started.Task.IsCompleted);
    }

    [Fact]
    public async Task Server_enforces_grpc_timeout_and_answers_deadline_exceeded()
    {
        // A raw HTTP/2 request, so only the server's deadline is in play (no client-side timer).
        var tag = NewTag();
        var observation = Echo.Observe(tag);
        using var client = StatusTests.RawClient();
        using var response = await Waits.For(
            client.SendAsync(StatusTests.RawRequest(fixture.Host, "/alluxio.test.echo.Echo/Slow", new SlowRequest { Millis = 60_000, Tag = tag }, timeout: "200m")),
            "the raw Slow response with grpc-timeout 200m");
        await Waits.For(response.Content.ReadAsByteArrayAsync(), "the raw Slow body");
        var status = StatusTests.Header(response.Headers, "grpc-status") ?? StatusTests.Header(response.TrailingHeaders, "grpc-status");
        Assert.Equal("4", status);
        Assert.Equal("deadline", await Waits.For(observation.Ended.Task, "the Slow handler to see the server-side deadline"));
    }

    [Fact]
    public async Task Server_sees_the_deadline_in_its_context()
    {
        var tag = NewTag();
        var observation = Echo.Observe(tag);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        var reply = await Waits.For(
            Channel.UnaryAsync(EchoMethods.Slow, new SlowRequest { Millis = 0, Tag = tag }, new CallOptions(deadline: deadline)), "a Slow(0) call");
        Assert.Equal("slept", reply.Text);
        Assert.Equal("completed", await Waits.For(observation.Ended.Task, "the Slow handler to finish"));
    }

    [Fact]
    public async Task Cancelling_a_unary_call_resets_the_stream_and_the_handler_sees_it()
    {
        var tag = NewTag();
        var observation = Echo.Observe(tag);
        using var cts = new CancellationTokenSource();
        var call = Channel.UnaryAsync(EchoMethods.Slow, new SlowRequest { Millis = 60_000, Tag = tag }, new CallOptions(cancellationToken: cts.Token));
        await Waits.For(observation.Started.Task, "the Slow handler to start");
        await cts.CancelAsync();
        var error = await Waits.ForRpcError(() => call, "the cancelled call to fail");
        Assert.Equal(StatusCode.Cancelled, error.StatusCode);
        Assert.Equal("cancelled", await Waits.For(observation.Ended.Task, "the Slow handler to observe the client's RST_STREAM"));
    }

    [Fact]
    public async Task Disposing_a_server_stream_early_cancels_the_server_handler()
    {
        var tag = NewTag();
        var observation = Echo.Observe(tag);
        var call = Channel.ServerStreaming(EchoMethods.ServerStream, new StreamRequest { Count = int.MaxValue, Size = 1024, Tag = tag });
        for (var i = 0; i < 3; i++)
            Assert.True(await Waits.For(call.ResponseStream.MoveNext(CancellationToken.None), $"streamed message {i}"));
        call.Dispose();
        Assert.Equal("cancelled", await Waits.For(observation.Ended.Task, "the streaming handler to observe the disposal"));
        Assert.Equal(StatusCode.Cancelled, call.GetStatus().StatusCode);
        var error = await Waits.ForRpcError(() => call.ResponseStream.MoveNext(CancellationToken.None), "reading after Dispose");
        Assert.Equal(StatusCode.Cancelled, error.StatusCode);
    }

    [Fact]
    public async Task Cancelling_the_MoveNext_token_cancels_the_call()
    {
        var tag = NewTag();
        var observation = Echo.Observe(tag);
        using var call = Channel.ServerStreaming(EchoMethods.ServerStream, new StreamRequest { Count = int.MaxValue, Size = 1024, Tag = tag });
        Assert.True(await Waits.For(call.ResponseStream.MoveNext(CancellationToken.None), "the first streamed message"));
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();
        var error = await Waits.ForRpcError(() => call.ResponseStream.MoveNext(cts.Token), "MoveNext with a cancelled token");
        Assert.Equal(StatusCode.Cancelled, error.StatusCode);
        Assert.Equal("cancelled", await Waits.For(observation.Ended.Task, "the streaming handler to observe the cancellation"));
    }

    [Fact]
    public async Task Server_stream_deadline_surfaces_on_the_reader()
    {
        using var call = Channel.ServerStreaming(EchoMethods.ServerStream, new StreamRequest { Count = int.MaxValue, Size = 16 },
            new CallOptions(deadline: DateTime.UtcNow.AddMilliseconds(300)));
        var error = await Waits.ForRpcError(async () =>
        {
            while (await call.ResponseStream.MoveNext(CancellationToken.None))
            {
            }
        }, "the stream to hit its deadline");
        Assert.Equal(StatusCode.DeadlineExceeded, error.StatusCode);
    }

    [Fact]
    public async Task Cancelling_a_client_stream_while_idle_reaches_the_server()
    {
        using var cts = new CancellationTokenSource();
        using var call = Channel.ClientStreaming(EchoMethods.ClientStream, new CallOptions(cancellationToken: cts.Token));
        await Waits.For(call.RequestStream.WriteAsync(new SumRequest { Value = 1 }), "the first client-stream write");
        await cts.CancelAsync();
        var error = await Waits.ForRpcError(() => call.ResponseAsync, "the cancelled client stream's response");
        Assert.Equal(StatusCode.Cancelled, error.StatusCode);
        var writeError = await Waits.ForRpcError(() => call.RequestStream.WriteAsync(new SumRequest { Value = 2 }), "a write after cancellation");
        Assert.Equal(StatusCode.Cancelled, writeError.StatusCode);
    }

    private static string NewTag() => Guid.NewGuid().ToString("N");
}
