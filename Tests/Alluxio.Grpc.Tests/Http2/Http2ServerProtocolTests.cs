using System.Text;
using Alluxio.Grpc.Http2;
using Alluxio.Grpc.Tests.Echo;
using Xunit;

namespace Alluxio.Grpc.Tests.Http2;

/// <summary>
/// The own HTTP/2 server against hand-made frames: what RFC 9113 asks of a server when a client breaks the protocol
/// or its limits (connection errors end in GOAWAY with their code, stream errors reset only their stream), and the
/// connection-level features (PING, SETTINGS, CONTINUATION, padding, idle close, graceful shutdown).
/// </summary>
public sealed class Http2ServerProtocolTests
{
    private const string Unary = "/alluxio.test.echo.Echo/Unary";

    [Fact]
    public async Task A_unary_call_works_with_hand_made_frames()
    {
        await using var host = await StartAsync();
        await using var client = await RawHttp2Client.ConnectAsync(host.Port);
        await client.SendRequestAsync(1, Unary);
        await client.SendAsync(Http2FrameType.Data, Http2FrameFlags.EndStream, 1, RawHttp2Client.Message(new EchoRequest { Text = "raw" }));
        var response = await Waits.For(client.ReadResponseAsync(1), "the raw unary response");
        Assert.Equal("200", response.Header(":status"));
        Assert.Equal("application/grpc", response.Header("content-type"));
        Assert.Equal("0", response.Trailer("grpc-status"));
        Assert.Equal("raw", EchoReply.Parser.ParseFrom(response.Data.Skip(5).ToArray()).Text);
    }

    [Fact]
    public async Task Headers_split_into_continuation_frames_and_padded_frames_are_accepted()
    {
        await using var host = await StartAsync();
        await using var client = await RawHttp2Client.ConnectAsync(host.Port);
        var block = RawHttp2Client.Encode([(":method", "POST"), (":scheme", "http"), (":path", Unary), ("content-type", "application/grpc"), ("x-long", new string('x', 300))]);
        var padded = new byte[1 + 10 + 3];
        padded[0] = 3; // pad length
        block.AsSpan(0, 10).CopyTo(padded.AsSpan(1));
        await client.SendAsync(Http2FrameType.Headers, Http2FrameFlags.Padded, 1, padded);
        await client.SendAsync(Http2FrameType.Continuation, Http2FrameFlags.None, 1, block[10..100]);
        await client.SendAsync(Http2FrameType.Continuation, Http2FrameFlags.EndHeaders, 1, block[100..]);
        var message = RawHttp2Client.Message(new EchoRequest { Text = "padded" });
        var data = new byte[1 + message.Length + 7];
        data[0] = 7;
        message.CopyTo(data.AsSpan(1));
        await client.SendAsync(Http2FrameType.Data, Http2FrameFlags.Padded | Http2FrameFlags.EndStream, 1, data);
        var response = await Waits.For(client.ReadResponseAsync(1), "the response to continued headers");
        Assert.Equal("0", response.Trailer("grpc-status"));
        Assert.Equal("padded", EchoReply.Parser.ParseFrom(response.Data.Skip(5).ToArray()).Text);
    }

    [Fact]
    public async Task Ping_is_acknowledged_with_its_payload_and_settings_are_acknowledged()
    {
        await using var host = await StartAsync();
        await using var client = await RawHttp2Client.ConnectAsync(host.Port);
        var ack = await Waits.For(client.ReadUntilAsync(Http2FrameType.Settings), "the server's SETTINGS");
        Assert.False(ack!.Value.Header.Has(Http2FrameFlags.Ack)); // the server's own settings come first
        Assert.NotNull(await Waits.For(ReadAck(client, Http2FrameType.Settings), "the SETTINGS acknowledgement"));
        await client.SendAsync(Http2FrameType.Ping, Http2FrameFlags.None, 0, [1, 2, 3, 4, 5, 6, 7, 8]);
        var pong = await Waits.For(ReadAck(client, Http2FrameType.Ping), "the PING acknowledgement");
        Assert.Equal(new byte[] { 1, 2, 3, 4, 5, 6, 7, 8 }, pong!.Value.Payload);
    }

    [Fact]
    public async Task An_http1_request_gets_426()
    {
        await using var host = await StartAsync();
        await using var client = await RawHttp2Client.ConnectAsync(host.Port, handshake: false);
        await client.WriteRawAsync("POST /alluxio.test.echo.Echo/Unary HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n"u8.ToArray());
        var answer = new byte[64];
        var n = await Waits.For(client.Stream.ReadAsync(answer).AsTask(), "the HTTP/1.1 answer");
        Assert.StartsWith("HTTP/1.1 426", Encoding.ASCII.GetString(answer, 0, n), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("no preface")]
    [InlineData("data before settings")]
    [InlineData("even stream")]
    [InlineData("bad hpack")]
    [InlineData("settings length")]
    [InlineData("window overflow")]
    [InlineData("frame too large")]
    [InlineData("push promise")]
    [InlineData("continuation without headers")]
    [InlineData("headers shorter than their priority")]
    public async Task Protocol_violations_end_the_connection_with_goaway_and_their_code(string violation)
    {
        await using var host = await StartAsync(o => o.MaxFrameSize = 16384);
        await using var client = await RawHttp2Client.ConnectAsync(host.Port, handshake: violation != "no preface" && violation != "data before settings");
        Http2ErrorCode expected;
        switch (violation)
        {
            case "no preface":
                await client.WriteRawAsync(new byte[24]);
                expected = Http2ErrorCode.ProtocolError;
                break;
            case "data before settings":
                await client.WriteRawAsync(RawHttp2Client.Preface);
                await client.SendAsync(Http2FrameType.Ping, Http2FrameFlags.None, 0, new byte[8]);
                expected = Http2ErrorCode.ProtocolError;
                break;
            case "even stream":
                await client.SendRequestAsync(2, Unary);
                expected = Http2ErrorCode.ProtocolError;
                break;
            case "bad hpack":
                await client.SendAsync(Http2FrameType.Headers, Http2FrameFlags.EndHeaders, 1, [0xbf]); // index 63: no such entry
                expected = Http2ErrorCode.CompressionError;
                break;
            case "settings length":
                await client.SendAsync(Http2FrameType.Settings, Http2FrameFlags.None, 0, new byte[5]);
                expected = Http2ErrorCode.FrameSizeError;
                break;
            case "window overflow":
                await client.SendAsync(Http2FrameType.WindowUpdate, Http2FrameFlags.None, 0, RawHttp2Client.UInt32(0x7fffffff));
                expected = Http2ErrorCode.FlowControlError;
                break;
            case "frame too large":
                await client.SendAsync(Http2FrameType.Ping, Http2FrameFlags.None, 0, new byte[20000]);
                expected = Http2ErrorCode.FrameSizeError;
                break;
            case "push promise":
                await client.SendAsync(Http2FrameType.PushPromise, Http2FrameFlags.EndHeaders, 1, new byte[4]);
                expected = Http2ErrorCode.ProtocolError;
                break;
            case "headers shorter than their priority":
                await client.SendAsync(Http2FrameType.Headers, Http2FrameFlags.Priority | Http2FrameFlags.EndHeaders, 1, [0, 0]); // found by the noise test
                expected = Http2ErrorCode.FrameSizeError;
                break;
            default:
                await client.SendAsync(Http2FrameType.Continuation, Http2FrameFlags.EndHeaders, 1, [0x82]);
                expected = Http2ErrorCode.ProtocolError;
                break;
        }

        Assert.Equal(expected, await Waits.For(client.GoAwayCodeAsync(), $"the GOAWAY for {violation}"));
        Assert.Null(await Waits.For(client.ReadFrameAsync(), "the connection to close")); // nothing after GOAWAY but the close
    }

    [Fact]
    public async Task Data_past_the_stream_window_resets_only_that_stream()
    {
        await using var host = await StartAsync(o => o.StreamWindowSize = 65535);
        await using var client = await RawHttp2Client.ConnectAsync(host.Port);
        await client.SendRequestAsync(1, "/alluxio.test.echo.Echo/ClientStream");
        for (var i = 0; i < 5; i++)
            await client.SendAsync(Http2FrameType.Data, Http2FrameFlags.None, 1, new byte[16384]); // 80 KiB into a 64 KiB window
        var reset = await Waits.For(client.ReadUntilAsync(Http2FrameType.RstStream, 1), "the stream's reset");
        Assert.Equal((uint)Http2ErrorCode.FlowControlError, System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(reset!.Value.Payload));

        // The connection goes on.
        await client.SendRequestAsync(3, Unary);
        await client.SendAsync(Http2FrameType.Data, Http2FrameFlags.EndStream, 3, RawHttp2Client.Message(new EchoRequest { Text = "after" }));
        Assert.Equal("0", (await Waits.For(client.ReadResponseAsync(3), "a call after the reset")).Trailer("grpc-status"));
    }

    [Fact]
    public async Task A_header_list_over_the_limit_gets_431_and_the_connection_goes_on()
    {
        await using var host = await StartAsync(o => o.MaxHeaderListSize = 2048);
        await using var client = await RawHttp2Client.ConnectAsync(host.Port);
        await client.SendRequestAsync(1, Unary, endStream: true, extra: [("x-big", new string('b', 4000))]);
        Assert.Equal("431", (await Waits.For(client.ReadResponseAsync(1), "the 431")).Header(":status"));
        await client.SendRequestAsync(3, Unary);
        await client.SendAsync(Http2FrameType.Data, Http2FrameFlags.EndStream, 3, RawHttp2Client.Message(new EchoRequest()));
        Assert.Equal("0", (await Waits.For(client.ReadResponseAsync(3), "a call after the 431")).Trailer("grpc-status"));
    }

    [Fact]
    public async Task Streams_past_the_concurrency_limit_are_refused()
    {
        await using var host = await StartAsync(o => o.MaxConcurrentStreams = 2);
        await using var client = await RawHttp2Client.ConnectAsync(host.Port);
        var slow = RawHttp2Client.Message(new SlowRequest { Millis = 10_000 });
        for (var id = 1; id <= 5; id += 2)
        {
            await client.SendRequestAsync(id, "/alluxio.test.echo.Echo/Slow");
            await client.SendAsync(Http2FrameType.Data, Http2FrameFlags.EndStream, id, slow);
        }

        var reset = await Waits.For(client.ReadUntilAsync(Http2FrameType.RstStream, 5), "the third stream's refusal");
        Assert.Equal((uint)Http2ErrorCode.RefusedStream, System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(reset!.Value.Payload));
    }

    [Fact]
    public async Task Methods_and_content_types_that_are_not_grpc_are_refused_with_their_http_status()
    {
        await using var host = await StartAsync();
        await using var client = await RawHttp2Client.ConnectAsync(host.Port);
        await client.SendRequestAsync(1, Unary, endStream: true, method: "GET");
        Assert.Equal("405", (await Waits.For(client.ReadResponseAsync(1), "the 405")).Header(":status"));
        await client.SendRequestAsync(3, Unary, endStream: true, contentType: "text/plain");
        var unsupported = await Waits.For(client.ReadResponseAsync(3), "the 415");
        Assert.Equal("415", unsupported.Header(":status"));
        Assert.Equal("13", unsupported.Header("grpc-status"));
        await client.SendRequestAsync(5, "/no.such.Service/Call", endStream: true);
        Assert.Equal("12", (await Waits.For(client.ReadResponseAsync(5), "the unknown service")).Trailer("grpc-status"));
    }

    [Fact]
    public async Task An_idle_connection_is_closed_with_goaway_no_error()
    {
        await using var host = await StartAsync(o => o.IdleTimeout = TimeSpan.FromMilliseconds(300));
        await using var client = await RawHttp2Client.ConnectAsync(host.Port);
        Assert.Equal(Http2ErrorCode.NoError, await Waits.For(client.GoAwayCodeAsync(), "the idle GOAWAY"));
    }

    [Fact]
    public async Task Stopping_lets_running_calls_finish_and_refuses_new_ones()
    {
        var host = await StartAsync();
        await using var client = await RawHttp2Client.ConnectAsync(host.Port);
        var tag = Guid.NewGuid().ToString("N");
        var observation = host.Echo.Observe(tag);
        await client.SendRequestAsync(1, "/alluxio.test.echo.Echo/Slow");
        await client.SendAsync(Http2FrameType.Data, Http2FrameFlags.EndStream, 1, RawHttp2Client.Message(new SlowRequest { Millis = 300, Tag = tag }));
        await Waits.For(observation.Started.Task, "the Slow call to start");
        var stopping = host.DisposeAsync().AsTask();
        var response = await Waits.For(client.ReadResponseAsync(1), "the running call to finish during shutdown");
        Assert.Equal("0", response.Trailer("grpc-status"));
        Assert.Equal("completed", await Waits.For(observation.Ended.Task, "the Slow handler's end"));
        await Waits.For(stopping, "the server to stop");
    }

    [Fact]
    public async Task Random_frames_never_take_the_server_down()
    {
        // Seeded noise after a valid handshake: frames of every type with random flags, stream ids and payloads. Each
        // connection ends however the server decides; the server must still serve a well-formed call afterwards.
        var logs = new ErrorLogCounter();
        await using var host = await TestHost.StartAsync(kind: ServerKind.Http2, http2: o => o.MaxFrameSize = 16384, logs: logs);
        var random = new Random(7012);
        for (var connection = 0; connection < 40; connection++)
        {
            await using var client = await RawHttp2Client.ConnectAsync(host.Port);
            try
            {
                for (var frame = 0; frame < 20; frame++)
                {
                    var payload = new byte[random.Next(0, 40)];
                    random.NextBytes(payload);
                    await client.SendAsync((Http2FrameType)random.Next(0, 11), (Http2FrameFlags)random.Next(0, 256), random.Next(0, 8), payload);
                }
            }
            catch (IOException)
            {
                // The server closed the connection: what it should do with most of this noise.
            }
        }

        await using var good = await RawHttp2Client.ConnectAsync(host.Port);
        await good.SendRequestAsync(1, Unary);
        await good.SendAsync(Http2FrameType.Data, Http2FrameFlags.EndStream, 1, RawHttp2Client.Message(new EchoRequest { Text = "still up" }));
        Assert.Equal("0", (await Waits.For(good.ReadResponseAsync(1), "a call after the noise")).Trailer("grpc-status"));
        Assert.True(logs.Errors == 0, "the server met something it did not expect: " + string.Join("; ", logs.Messages));
    }

    private static Task<TestHost> StartAsync(Action<Server.Http2GrpcServerOptions>? options = null) =>
        TestHost.StartAsync(kind: ServerKind.Http2, http2: options);

    private static async Task<(Http2FrameHeader Header, byte[] Payload)?> ReadAck(RawHttp2Client client, Http2FrameType type)
    {
        while (await client.ReadUntilAsync(type) is { } frame)
        {
            if (frame.Header.Has(Http2FrameFlags.Ack))
                return frame;
        }

        return null;
    }
}
