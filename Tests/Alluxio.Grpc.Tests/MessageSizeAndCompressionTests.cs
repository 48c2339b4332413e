using Alluxio.Grpc.Tests.Echo;
using Google.Protobuf;
using Xunit;

namespace Alluxio.Grpc.Tests;

public abstract class MessageSizeAndCompressionTests(TestHostFixture fixture)
{
    /// <summary>Against Kestrel.</summary>
    public sealed class OnKestrel(KestrelHostFixture fixture) : MessageSizeAndCompressionTests(fixture), IClassFixture<KestrelHostFixture>;

    /// <summary>Against the project's own HTTP/2 server.</summary>
    public sealed class OnHttp2(Http2HostFixture fixture) : MessageSizeAndCompressionTests(fixture), IClassFixture<Http2HostFixture>;

    private GrpcChannel Channel => fixture.Channel;

    [Fact]
    public async Task Request_over_the_server_limit_is_resource_exhausted()
    {
        var big = ByteString.CopyFrom(new byte[5 * 1024 * 1024]);
        var error = await Waits.ForRpcError(() => Channel.UnaryAsync(EchoMethods.Unary, new EchoRequest { Payload = big }), "a 5 MiB request");
        Assert.Equal(StatusCode.ResourceExhausted, error.StatusCode);
        Assert.Contains("larger than max", error.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Response_over_the_client_limit_is_resource_exhausted()
    {
        using var call = Channel.ServerStreaming(EchoMethods.ServerStream, new StreamRequest { Count = 1, Size = 5 * 1024 * 1024 });
        var error = await Waits.ForRpcError(() => call.ResponseStream.MoveNext(CancellationToken.None), "a 5 MiB response");
        Assert.Equal(StatusCode.ResourceExhausted, error.StatusCode);
    }

    [Fact]
    public async Task Per_call_limits_override_the_channel()
    {
        var request = new EchoRequest { Payload = ByteString.CopyFrom(new byte[2000]) };
        var receive = await Waits.ForRpcError(
            () => Channel.UnaryAsync(EchoMethods.Unary, request, new CallOptions { MaxReceiveMessageSize = 1000 }), "a reply over the per-call receive limit");
        Assert.Equal(StatusCode.ResourceExhausted, receive.StatusCode);

        var send = await Waits.ForRpcError(
            () => Channel.UnaryAsync(EchoMethods.Unary, request, new CallOptions { MaxSendMessageSize = 1000 }), "a request over the per-call send limit");
        Assert.Equal(StatusCode.ResourceExhausted, send.StatusCode);
        Assert.Contains("Sending message larger than max", send.Status.Detail, StringComparison.Ordinal);

        // Large messages within the limits work (several MiB, one message).
        var large = new EchoRequest { Payload = ByteString.CopyFrom(new byte[3 * 1024 * 1024]) };
        var reply = await Waits.For(Channel.UnaryAsync(EchoMethods.Unary, large), "a 3 MiB round trip");
        Assert.Equal(large.Payload.Length, reply.Payload.Length);
    }

    [Fact]
    public async Task Server_send_limit_is_resource_exhausted()
    {
        await using var host = await TestHost.StartAsync(kind: fixture.Kind, configure: o => o.MaxSendMessageSize = 1000);
        using var channel = host.CreateChannel();
        var error = await Waits.ForRpcError(
            () => channel.UnaryAsync(EchoMethods.Unary, new EchoRequest { Payload = ByteString.CopyFrom(new byte[2000]) }), "a reply over the server send limit");
        Assert.Equal(StatusCode.ResourceExhausted, error.StatusCode);
    }

    [Fact]
    public async Task Client_stream_write_over_the_send_limit_fails_that_write_only()
    {
        // A SumRequest with Value 0 is 0 bytes; with Value 5 it is 2 bytes, over the 1-byte limit.
        using var channel = GrpcChannel.ForAddress(fixture.Host.Address, new GrpcChannelOptions { MaxSendMessageSize = 1 });
        using var call = channel.ClientStreaming(EchoMethods.ClientStream);
        await Waits.For(call.RequestStream.WriteAsync(new SumRequest { Value = 0 }), "a small write");
        var error = await Waits.ForRpcError(() => call.RequestStream.WriteAsync(new SumRequest { Value = 5 }), "a write over the send limit");
        Assert.Equal(StatusCode.ResourceExhausted, error.StatusCode);
        await call.RequestStream.CompleteAsync();
        var reply = await Waits.For(call.ResponseAsync, "the client stream's response");
        Assert.Equal(1, reply.Count);
        Assert.Equal(0, reply.Sum);
    }

    [Fact]
    public async Task Gzip_compressed_requests_are_accepted()
    {
        using var channel = GrpcChannel.ForAddress(fixture.Host.Address, new GrpcChannelOptions { RequestCompression = MessageCompression.Gzip });
        var text = string.Concat(Enumerable.Repeat("compressible ", 1000));
        var reply = await Waits.For(channel.UnaryAsync(EchoMethods.Unary, new EchoRequest { Text = text }), "a gzip-compressed unary call");
        Assert.Equal(text, reply.Text);

        using var call = channel.ClientStreaming(EchoMethods.ClientStream);
        for (var i = 0; i < 10; i++)
            await Waits.For(call.RequestStream.WriteAsync(new SumRequest { Value = i }), "a gzip-compressed stream write");
        await call.RequestStream.CompleteAsync();
        Assert.Equal(45, (await Waits.For(call.ResponseAsync, "the compressed client stream's response")).Sum);
    }

    [Fact]
    public async Task Gzip_responses_are_decoded_by_the_client()
    {
        await using var host = await TestHost.StartAsync(kind: fixture.Kind, configure: o => o.ResponseCompression = MessageCompression.Gzip);
        using var channel = host.CreateChannel();
        var text = string.Concat(Enumerable.Repeat("squeeze ", 500));
        var reply = await Waits.For(channel.UnaryAsync(EchoMethods.Unary, new EchoRequest { Text = text }), "a unary call with a gzip response");
        Assert.Equal(text, reply.Text);
    }

    [Fact]
    public async Task Gzip_bomb_is_stopped_at_the_receive_limit()
    {
        // 8 MiB of zeros compresses to a few KiB; the server must stop inflating at its 4 MiB limit.
        using var channel = GrpcChannel.ForAddress(fixture.Host.Address, new GrpcChannelOptions { RequestCompression = MessageCompression.Gzip });
        var error = await Waits.ForRpcError(
            () => channel.UnaryAsync(EchoMethods.Unary, new EchoRequest { Payload = ByteString.CopyFrom(new byte[8 * 1024 * 1024]) }), "an 8 MiB compressible request");
        Assert.Equal(StatusCode.ResourceExhausted, error.StatusCode);
    }

    [Fact]
    public async Task Unsupported_request_encoding_is_unimplemented()
    {
        using var client = StatusTests.RawClient();
        var request = StatusTests.RawRequest(fixture.Host, "/alluxio.test.echo.Echo/Unary", new EchoRequest());
        request.Headers.TryAddWithoutValidation("grpc-encoding", "snappy");
        using var response = await Waits.For(client.SendAsync(request), "the response to a snappy request");
        Assert.Equal("12", StatusTests.Header(response.Headers, "grpc-status"));
        Assert.Equal("identity,gzip", StatusTests.Header(response.Headers, "grpc-accept-encoding"));
    }
}
