using Alluxio.Grpc.Server;
using Alluxio.Grpc.Tests.Echo;
using Google.Protobuf;
using Xunit;

namespace Alluxio.Grpc.Tests;

/// <summary>
/// Messages in serialized form: a handler writes bytes straight into the response buffer
/// (<see cref="IServerStreamPayloadWriter"/>), a client reads a message's bytes without parsing them
/// (<see cref="IPayloadStreamReader"/>). Both are the same messages on the wire as ordinary writes and reads.
/// </summary>
public abstract class PayloadStreamTests
{
    /// <summary>Against Kestrel.</summary>
    public sealed class OnKestrel : PayloadStreamTests
    {
        protected override ServerKind Kind => ServerKind.Kestrel;
    }

    /// <summary>Against the project's own HTTP/2 server.</summary>
    public sealed class OnHttp2 : PayloadStreamTests
    {
        protected override ServerKind Kind => ServerKind.Http2;
    }

    /// <summary>The server the tests run against.</summary>
    protected abstract ServerKind Kind { get; }

    [Theory]
    [InlineData(MessageCompression.None)]
    [InlineData(MessageCompression.Gzip)]
    public async Task Payload_writes_are_read_as_messages_and_as_payloads_alike(MessageCompression compression)
    {
        var streamer = new PayloadStreamer();
        await using var host = await StartAsync(streamer, o => o.ResponseCompression = compression);
        using var channel = host.CreateChannel();

        using (var call = channel.ServerStreaming(EchoMethods.ServerStream, new StreamRequest { Count = 4, Size = 70_000 }))
        {
            var replies = new List<EchoReply>();
            await Waits.For(Task.Run(async () =>
            {
                await foreach (var reply in call.ResponseStream.ReadAllAsync())
                    replies.Add(reply);
            }), "the parsed stream");
            Assert.Equal(Enumerable.Range(0, 4).Select(PayloadStreamer.Reply), replies);
        }

        // Read the other way, and mix both readers on one call.
        using (var call = channel.ServerStreaming(EchoMethods.ServerStream, new StreamRequest { Count = 4, Size = 70_000 }))
        {
            for (var i = 0; i < 4; i++)
            {
                if (i % 2 == 0)
                {
                    Assert.True(await Waits.For(call.ResponsePayloads.MoveNextPayload(CancellationToken.None), "a payload"));
                    Assert.Equal(PayloadStreamer.Reply(i).ToByteArray(), call.ResponsePayloads.CurrentPayload.ToArray());
                }
                else
                {
                    Assert.True(await Waits.For(call.ResponseStream.MoveNext(CancellationToken.None), "a message"));
                    Assert.Equal(PayloadStreamer.Reply(i), call.ResponseStream.Current);
                }
            }

            Assert.False(await Waits.For(call.ResponsePayloads.MoveNextPayload(CancellationToken.None), "the end of the stream"));
            Assert.True(call.ResponsePayloads.CurrentPayload.IsEmpty);
            Assert.Equal(StatusCode.OK, call.GetStatus().StatusCode);
        }
    }

    [Fact]
    public async Task A_fill_that_throws_sends_nothing_and_the_stream_goes_on()
    {
        var streamer = new PayloadStreamer();
        await using var host = await StartAsync(streamer);
        using var channel = host.CreateChannel();
        using var call = channel.ServerStreaming(EchoMethods.ServerStream, new StreamRequest { Count = 3, Size = 50_000, Tag = "fail-1" });

        var payloads = new List<byte[]>();
        await Waits.For(Task.Run(async () =>
        {
            while (await call.ResponsePayloads.MoveNextPayload(CancellationToken.None))
                payloads.Add(call.ResponsePayloads.CurrentPayload.ToArray());
        }), "the stream");

        // Message 1's fill wrote half its bytes and threw: none of them went out, and messages 0 and 2 are whole.
        Assert.Equal([PayloadStreamer.Reply(0).ToByteArray(), PayloadStreamer.Reply(2).ToByteArray()], payloads);
        Assert.Equal(1, streamer.FailedFills);
    }

    [Fact]
    public async Task A_payload_over_the_send_limit_fails_the_call_before_it_is_filled()
    {
        var streamer = new PayloadStreamer();
        await using var host = await StartAsync(streamer, o => o.MaxSendMessageSize = 1000);
        using var channel = host.CreateChannel();
        using var call = channel.ServerStreaming(EchoMethods.ServerStream, new StreamRequest { Count = 1, Size = 5000 });

        var error = await Assert.ThrowsAsync<RpcException>(() => Waits.For(call.ResponsePayloads.MoveNextPayload(CancellationToken.None), "the failed call"));
        Assert.Equal(StatusCode.ResourceExhausted, error.StatusCode);
        Assert.Equal(0, streamer.Fills);
    }

    private Task<TestHost> StartAsync(PayloadStreamer streamer, Action<GrpcServerOptions>? configure = null) =>
        TestHost.StartAsync(kind: Kind, configure: configure, map: app => app.MapGrpcMethod(EchoMethods.ServerStream, streamer.ServerStream), mapDefaults: false);

    /// <summary>Answers ServerStream with payload writes; tag "fail-N" makes message N's fill throw halfway.</summary>
    private sealed class PayloadStreamer
    {
        private int _fills;
        private int _failedFills;

        public int Fills => Volatile.Read(ref _fills);

        public int FailedFills => Volatile.Read(ref _failedFills);

        public static EchoReply Reply(int i) =>
            new() { Text = "reply " + i, Payload = ByteString.CopyFrom(Enumerable.Range(0, 70_000).Select(b => (byte)(b * (i + 1))).ToArray()) };

        public async Task ServerStream(StreamRequest request, IServerStreamWriter<EchoReply> responseStream, ServerCallContext context)
        {
            var writer = (IServerStreamPayloadWriter)responseStream;
            var failing = request.Tag.StartsWith("fail-", StringComparison.Ordinal) ? int.Parse(request.Tag[5..], System.Globalization.CultureInfo.InvariantCulture) : -1;
            for (var i = 0; i < request.Count; i++)
            {
                var reply = i == 0 && request.Size == 5000 ? new EchoReply { Payload = ByteString.CopyFrom(new byte[5000]) } : Reply(i);
                var bytes = reply.ToByteArray();
                try
                {
                    await writer.WritePayloadAsync(bytes.Length, destination =>
                    {
                        Interlocked.Increment(ref _fills);
                        if (i == failing)
                        {
                            bytes.AsSpan(0, bytes.Length / 2).CopyTo(destination);
                            throw new InvalidOperationException("the source failed halfway");
                        }

                        bytes.CopyTo(destination);
                    });
                }
                catch (InvalidOperationException) when (i == failing)
                {
                    Interlocked.Increment(ref _failedFills);
                }
            }
        }
    }
}
