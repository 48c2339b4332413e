using Alluxio.Grpc.Tests.Echo;
using Google.Protobuf;
using Xunit;

namespace Alluxio.Grpc.Tests;

public abstract class CallShapeTests(TestHostFixture fixture)
{
    /// <summary>Against Kestrel.</summary>
    public sealed class OnKestrel(KestrelHostFixture fixture) : CallShapeTests(fixture), IClassFixture<KestrelHostFixture>;

    /// <summary>Against the project's own HTTP/2 server.</summary>
    public sealed class OnHttp2(Http2HostFixture fixture) : CallShapeTests(fixture), IClassFixture<Http2HostFixture>;

    private GrpcChannel Channel => fixture.Channel;

    [Fact]
    public async Task Unary_round_trips_text_and_bytes()
    {
        var payload = ByteString.CopyFrom(Enumerable.Range(0, 300).Select(i => (byte)i).ToArray());
        var reply = await Waits.For(Channel.UnaryAsync(EchoMethods.Unary, new EchoRequest { Text = "héllo wörld ✓", Payload = payload }), "the unary reply");
        Assert.Equal("héllo wörld ✓", reply.Text);
        Assert.Equal(payload, reply.Payload);
    }

    [Fact]
    public async Task Unary_with_empty_message_works()
    {
        var reply = await Waits.For(Channel.UnaryAsync(EchoMethods.Unary, new EchoRequest()), "the reply to an empty request");
        Assert.Equal("", reply.Text);
        Assert.True(reply.Payload.IsEmpty);
    }

    [Fact]
    public async Task Unary_carries_ascii_and_binary_metadata_both_ways()
    {
        var headers = new Metadata { { "x-echo-text", "value 1" } };
        headers.Add("x-echo-data-bin", new byte[] { 0, 1, 2, 255 });
        var options = new CallOptions(headers);
        // The echo service copies x-echo* request headers into its trailers (on success and on failure).
        var reply = await Waits.For(Channel.UnaryAsync(EchoMethods.Unary, new EchoRequest { Text = "m" }, options), "the unary reply");
        Assert.Equal("m", reply.Text);

        var error = await Waits.ForRpcError(
            () => Channel.UnaryAsync(EchoMethods.Fail, new FailRequest { Code = (int)StatusCode.NotFound, Message = "x" }, options),
            "the failing call");
        Assert.Equal("present", error.Trailers.GetValue("x-fail-trailer"));
        Assert.Equal("value 1", error.Trailers.GetValue("x-echo-text"));
        Assert.Equal(new byte[] { 0, 1, 2, 255 }, error.Trailers.GetValueBytes("x-echo-data-bin"));
    }

    [Fact]
    public async Task Server_streaming_delivers_every_message_then_ok_status_and_headers()
    {
        var headers = new Metadata { { "x-send-headers", "hello" } };
        using var call = Channel.ServerStreaming(EchoMethods.ServerStream, new StreamRequest { Count = 25, Size = 1000 }, new CallOptions(headers));
        var responseHeaders = await Waits.For(call.ResponseHeadersAsync, "the streaming response headers");
        Assert.Equal("hello", responseHeaders.GetValue("x-reply-header"));

        var received = new List<EchoReply>();
        await Waits.For(ReadAll(call.ResponseStream, received), "all 25 streamed messages");
        Assert.Equal(25, received.Count);
        Assert.Equal(Enumerable.Range(0, 25).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)), received.Select(r => r.Text));
        Assert.All(received, r => Assert.Equal(1000, r.Payload.Length));
        Assert.Equal(StatusCode.OK, call.GetStatus().StatusCode);
        Assert.NotNull(call.GetTrailers());
    }

    [Fact]
    public async Task Server_streaming_with_zero_messages_ends_cleanly()
    {
        using var call = Channel.ServerStreaming(EchoMethods.ServerStream, new StreamRequest { Count = 0 });
        Assert.False(await Waits.For(call.ResponseStream.MoveNext(CancellationToken.None), "the end of an empty stream"));
        Assert.Equal(StatusCode.OK, call.GetStatus().StatusCode);
    }

    [Fact]
    public async Task Status_is_unavailable_until_the_call_ends()
    {
        using var call = Channel.ServerStreaming(EchoMethods.ServerStream, new StreamRequest { Count = 2 });
        Assert.Throws<InvalidOperationException>(() => call.GetStatus());
        await Waits.For(ReadAll(call.ResponseStream, []), "the two streamed messages");
        Assert.Equal(StatusCode.OK, call.GetStatus().StatusCode);
    }

    [Fact]
    public async Task Client_streaming_sums_the_requests()
    {
        using var call = Channel.ClientStreaming(EchoMethods.ClientStream);
        for (var i = 1; i <= 100; i++)
            await Waits.For(call.RequestStream.WriteAsync(new SumRequest { Value = i }), $"write {i} of the client stream");
        await call.RequestStream.CompleteAsync();
        var reply = await Waits.For(call.ResponseAsync, "the client-streaming response");
        Assert.Equal(5050, reply.Sum);
        Assert.Equal(100, reply.Count);
        Assert.Equal(StatusCode.OK, call.GetStatus().StatusCode);
    }

    [Fact]
    public async Task Client_streaming_with_no_requests_returns_an_empty_sum()
    {
        using var call = Channel.ClientStreaming(EchoMethods.ClientStream);
        await call.RequestStream.CompleteAsync();
        var reply = await Waits.For(call.ResponseAsync, "the response to an empty client stream");
        Assert.Equal(0, reply.Count);
    }

    [Fact]
    public async Task Duplex_echoes_each_message_in_lockstep()
    {
        using var call = Channel.DuplexStreaming(EchoMethods.Duplex);
        for (var i = 0; i < 20; i++)
        {
            // Lockstep proves each message is flushed on its own (no buffering until completion) both ways.
            await Waits.For(call.RequestStream.WriteAsync(new EchoRequest { Text = "m" + i }), $"write {i} of the duplex call");
            Assert.True(await Waits.For(call.ResponseStream.MoveNext(CancellationToken.None), $"echo {i} of the duplex call"));
            Assert.Equal("m" + i, call.ResponseStream.Current.Text);
        }

        await call.RequestStream.CompleteAsync();
        Assert.False(await Waits.For(call.ResponseStream.MoveNext(CancellationToken.None), "the end of the duplex response stream"));
        Assert.Equal(StatusCode.OK, call.GetStatus().StatusCode);
    }

    [Fact]
    public async Task Duplex_reader_and_writer_run_concurrently()
    {
        using var call = Channel.DuplexStreaming(EchoMethods.Duplex);
        var payload = ByteString.CopyFrom(new byte[64 * 1024]);
        var writer = Task.Run(async () =>
        {
            for (var i = 0; i < 200; i++)
                await call.RequestStream.WriteAsync(new EchoRequest { Text = "m" + i, Payload = payload });
            await call.RequestStream.CompleteAsync();
        });
        var received = new List<EchoReply>();
        await Waits.For(ReadAll(call.ResponseStream, received), "200 duplex echoes of 64 KiB");
        await Waits.For(writer, "the duplex writer");
        Assert.Equal(200, received.Count);
        Assert.Equal("m199", received[^1].Text);
    }

    [Fact]
    public async Task ReadAllAsync_enumerates_the_stream()
    {
        using var call = Channel.ServerStreaming(EchoMethods.ServerStream, new StreamRequest { Count = 3 });
        var texts = new List<string>();
        await Waits.For(Task.Run(async () =>
        {
            await foreach (var reply in call.ResponseStream.ReadAllAsync())
                texts.Add(reply.Text);
        }), "ReadAllAsync over three messages");
        Assert.Equal(["0", "1", "2"], texts);
    }

    [Fact]
    public async Task Calling_a_method_with_the_wrong_shape_is_rejected_before_sending()
    {
        Assert.Throws<ArgumentException>(() => Channel.ServerStreaming(EchoMethods.Unary, new EchoRequest()));
        await Assert.ThrowsAsync<ArgumentException>(() => Channel.UnaryAsync(EchoMethods.Duplex, new EchoRequest()));
    }

    [Fact]
    public async Task Reserved_metadata_keys_are_rejected()
    {
        var headers = new Metadata { { "grpc-status", "0" } };
        await Assert.ThrowsAsync<ArgumentException>(() => Channel.UnaryAsync(EchoMethods.Unary, new EchoRequest(), new CallOptions(headers)));
    }

    private static async Task ReadAll<T>(IAsyncStreamReader<T> reader, List<T> into)
    {
        while (await reader.MoveNext(CancellationToken.None))
            into.Add(reader.Current);
    }
}
