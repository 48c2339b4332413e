using System.Security.Cryptography;
using Alluxio.Grpc.Direct;
using Alluxio.Grpc.Tests.Echo;
using Google.Protobuf;
using Xunit;

namespace Alluxio.Grpc.Tests;

/// <summary>The project's own HTTP/2 client (<see cref="DirectChannel"/>) against both servers.</summary>
public abstract class DirectChannelTests(TestHostFixture fixture) : IDisposable
{
    private readonly DirectChannel _channel = DirectChannel.ForAddress(fixture.Host.Address);

    /// <summary>Against Kestrel.</summary>
    public sealed class OnKestrel(KestrelHostFixture fixture) : DirectChannelTests(fixture), IClassFixture<KestrelHostFixture>;

    /// <summary>Against the project's own HTTP/2 server.</summary>
    public sealed class OnHttp2(Http2HostFixture fixture) : DirectChannelTests(fixture), IClassFixture<Http2HostFixture>;

    public void Dispose() => _channel.Dispose();

    [Fact]
    public async Task Server_streaming_reads_every_message_then_ok_with_headers_and_trailers()
    {
        var headers = new Metadata { { "x-send-headers", "hi" } };
        using var call = await Waits.For(_channel.ServerStreamingAsync(EchoMethods.ServerStream, new StreamRequest { Count = 25, Size = 1000 }, new CallOptions(headers)).AsTask(), "the call to start");
        for (var i = 0; i < 25; i++)
        {
            var reply = await Waits.For(call.ReadMessageAsync(EchoReply.Parser).AsTask(), $"message {i}");
            Assert.Equal(i.ToString(System.Globalization.CultureInfo.InvariantCulture), reply!.Text);
            Assert.Equal(1000, reply.Payload.Length);
        }

        Assert.Null(await Waits.For(call.ReadMessageAsync(EchoReply.Parser).AsTask(), "the end of the stream"));
        Assert.Equal(StatusCode.OK, call.Status!.Value.StatusCode);
        Assert.Equal("hi", call.ResponseHeaders!.GetValue("x-reply-header"));
        Assert.NotNull(call.Trailers);
    }

    [Fact]
    public async Task Message_bytes_are_read_in_pieces_straight_into_the_callers_memory()
    {
        using var call = await _channel.ServerStreamingAsync(EchoMethods.ServerStream, new StreamRequest { Count = 3, Size = 300_000 });
        var expected = new EchoReply { Text = "1", Payload = ByteString.CopyFrom(new byte[300_000]) }.ToByteArray();
        Assert.Equal(new EchoReply { Text = "0", Payload = ByteString.CopyFrom(new byte[300_000]) }.CalculateSize(), await call.NextMessageAsync());
        Assert.Equal(expected.Length, await call.NextMessageAsync()); // the rest of message 0 is skipped
        var received = new byte[expected.Length];
        var at = 0;
        while (call.Remaining > 0)
            at += await call.ReadAsync(received.AsMemory(at, Math.Min(7777, received.Length - at)));
        Assert.Equal(expected, received);
        Assert.Equal(0, await call.ReadAsync(new byte[10]));
        Assert.NotNull(await call.NextMessageAsync());
        Assert.Null(await call.NextMessageAsync());
    }

    [Fact]
    public async Task Client_streaming_sends_every_message_and_reads_the_reply()
    {
        using var call = await _channel.StartCallAsync(EchoMethods.ClientStream);
        for (var i = 1; i <= 100; i++)
            await call.WriteMessageAsync(new SumRequest { Value = i });
        await call.CompleteRequestAsync();
        var reply = await Waits.For(call.ReadMessageAsync(SumReply.Parser).AsTask(), "the sum");
        Assert.Equal(5050, reply!.Sum);
        Assert.Equal(100, reply.Count);
        Assert.Null(await call.ReadMessageAsync(SumReply.Parser));
    }

    [Fact]
    public async Task A_payload_write_sends_the_bulk_bytes_from_the_callers_memory()
    {
        var body = RandomNumberGenerator.GetBytes(3 << 20);
        // EchoRequest { payload = body }: field 2, length-delimited; the head is its tag and length.
        var head = new byte[8];
        var output = new CodedOutputStream(head);
        output.WriteTag(2, WireFormat.WireType.LengthDelimited);
        output.WriteLength(body.Length);
        output.Flush();
        using var call = await _channel.StartCallAsync(EchoMethods.Unary, new CallOptions { MaxReceiveMessageSize = 8 << 20 });
        await call.WritePayloadAsync(head.AsMemory(0, (int)output.Position), body);
        await call.CompleteRequestAsync();
        var reply = await Waits.For(call.ReadMessageAsync(EchoReply.Parser).AsTask(), "the echo of 3 MiB");
        Assert.Equal(body, reply!.Payload.ToByteArray());
    }

    [Fact]
    public async Task An_error_status_is_an_rpc_exception_with_message_and_trailers()
    {
        var headers = new Metadata { { "x-echo-text", "v" } };
        using var call = await _channel.ServerStreamingAsync(EchoMethods.Fail, new FailRequest { Code = (int)StatusCode.NotFound, Message = "não 100%" }, new CallOptions(headers));
        var error = await Assert.ThrowsAsync<RpcException>(() => call.NextMessageAsync().AsTask());
        Assert.Equal(StatusCode.NotFound, error.StatusCode);
        Assert.Equal("não 100%", error.Status.Detail);
        Assert.Equal("present", error.Trailers.GetValue("x-fail-trailer"));
        Assert.Equal("v", error.Trailers.GetValue("x-echo-text"));
    }

    [Fact]
    public async Task An_unknown_method_is_unimplemented()
    {
        var method = new Method<EchoRequest, EchoReply>(MethodType.Unary, "alluxio.test.echo.Echo", "Nope", EchoRequest.Parser, EchoReply.Parser);
        using var call = await _channel.ServerStreamingAsync(method, new EchoRequest());
        Assert.Equal(StatusCode.Unimplemented, (await Assert.ThrowsAsync<RpcException>(() => call.NextMessageAsync().AsTask())).StatusCode);
    }

    [Fact]
    public async Task The_deadline_ends_the_call_and_the_server_handler()
    {
        var tag = Guid.NewGuid().ToString("N");
        var observation = fixture.Host.Echo.Observe(tag);
        using var call = await _channel.ServerStreamingAsync(EchoMethods.Slow, new SlowRequest { Millis = 60_000, Tag = tag }, new CallOptions(deadline: DateTime.UtcNow.AddMilliseconds(300)));
        var error = await Waits.ForRpcError(() => call.NextMessageAsync().AsTask(), "the call past its deadline");
        Assert.Equal(StatusCode.DeadlineExceeded, error.StatusCode);
        Assert.Contains(await Waits.For(observation.Ended.Task, "the Slow handler to end"), new[] { "deadline", "cancelled" });
    }

    [Fact]
    public async Task Cancelling_a_read_cancels_the_call_on_the_server()
    {
        var tag = Guid.NewGuid().ToString("N");
        var observation = fixture.Host.Echo.Observe(tag);
        using var cts = new CancellationTokenSource();
        using var call = await _channel.ServerStreamingAsync(EchoMethods.ServerStream, new StreamRequest { Count = int.MaxValue, Size = 1024, Tag = tag });
        Assert.NotNull(await call.ReadMessageAsync(EchoReply.Parser));
        await cts.CancelAsync();
        var error = await Assert.ThrowsAsync<RpcException>(() => call.NextMessageAsync(cts.Token).AsTask());
        Assert.Equal(StatusCode.Cancelled, error.StatusCode);
        call.Dispose();
        Assert.Equal("cancelled", await Waits.For(observation.Ended.Task, "the streaming handler to see the cancellation"));
    }

    [Fact]
    public async Task Disposing_an_unfinished_call_resets_it_and_the_server_handler_ends()
    {
        var tag = Guid.NewGuid().ToString("N");
        var observation = fixture.Host.Echo.Observe(tag);
        var call = await _channel.ServerStreamingAsync(EchoMethods.ServerStream, new StreamRequest { Count = int.MaxValue, Size = 1024, Tag = tag });
        Assert.NotNull(await call.ReadMessageAsync(EchoReply.Parser));
        call.Dispose();
        Assert.Equal("cancelled", await Waits.For(observation.Ended.Task, "the streaming handler to see the reset"));
    }

    [Fact]
    public async Task A_message_over_the_receive_limit_is_resource_exhausted()
    {
        using var call = await _channel.ServerStreamingAsync(EchoMethods.ServerStream, new StreamRequest { Count = 1, Size = 5000 }, new CallOptions { MaxReceiveMessageSize = 1000 });
        Assert.Equal(StatusCode.ResourceExhausted, (await Assert.ThrowsAsync<RpcException>(() => call.NextMessageAsync().AsTask())).StatusCode);
    }

    [Fact]
    public async Task Ended_calls_leave_their_connection_for_the_next_one()
    {
        for (var i = 0; i < 50; i++)
        {
            using var call = await _channel.ServerStreamingAsync(EchoMethods.ServerStream, new StreamRequest { Count = 2, Size = 100 });
            while (await call.ReadMessageAsync(EchoReply.Parser) is not null)
            {
            }
        }

        Assert.Equal(1, _channel.ConnectionsOpened);
    }

    [Fact]
    public async Task Sixty_four_mebibytes_stream_intact_in_one_mebibyte_messages()
    {
        using var call = await _channel.ServerStreamingAsync(EchoMethods.ServerStream, new StreamRequest { Count = 64, Size = 1 << 20 }, new CallOptions { MaxReceiveMessageSize = 2 << 20 });
        var buffer = new byte[1 << 20];
        long total = 0;
        while (await Waits.For(call.NextMessageAsync().AsTask(), "the next message") is { } length)
        {
            for (var left = length; left > 0;)
            {
                var n = await call.ReadAsync(buffer.AsMemory(0, Math.Min(buffer.Length, left)));
                left -= n;
                total += n;
            }
        }

        Assert.True(total > 64L << 20, $"read {total} bytes");
    }

    [Fact]
    public async Task A_server_that_ends_the_call_early_stops_the_writes_with_its_status()
    {
        // Fail answers Trailers-Only at once, while the client is still writing 16 MiB.
        using var call = await _channel.StartCallAsync(EchoMethods.Fail);
        var error = await Waits.ForRpcError(async () =>
        {
            await call.WriteMessageAsync(new FailRequest { Code = (int)StatusCode.PermissionDenied, Message = "no" });
            for (var i = 0; i < 16; i++)
                await call.WritePayloadAsync(ReadOnlyMemory<byte>.Empty, new byte[1 << 20]);
            await call.CompleteRequestAsync();
            await call.NextMessageAsync();
        }, "the early failure");
        Assert.Equal(StatusCode.PermissionDenied, error.StatusCode);
    }

    [Fact]
    public async Task An_unreachable_server_is_unavailable()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        using var channel = DirectChannel.ForAddress(new Uri($"http://127.0.0.1:{port}"));
        var error = await Assert.ThrowsAsync<RpcException>(() => channel.StartCallAsync(EchoMethods.Unary).AsTask());
        Assert.Equal(StatusCode.Unavailable, error.StatusCode);
    }
}
