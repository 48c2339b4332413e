using Alluxio.Grpc.Tests.Echo;
using Xunit;

namespace Alluxio.Grpc.Tests;

public abstract class ConcurrencyTests(TestHostFixture fixture)
{
    /// <summary>Against Kestrel.</summary>
    public sealed class OnKestrel(KestrelHostFixture fixture) : ConcurrencyTests(fixture), IClassFixture<KestrelHostFixture>;

    /// <summary>Against the project's own HTTP/2 server.</summary>
    public sealed class OnHttp2(Http2HostFixture fixture) : ConcurrencyTests(fixture), IClassFixture<Http2HostFixture>;

    [Fact]
    public async Task Many_concurrent_unary_calls_share_one_channel()
    {
        // More calls than Kestrel's 100 streams per connection: the channel opens further connections.
        const int calls = 500;
        var tasks = Enumerable.Range(0, calls)
            .Select(i => fixture.Channel.UnaryAsync(EchoMethods.Unary, new EchoRequest { Text = "call " + i }))
            .ToArray();
        var replies = await Waits.For(Task.WhenAll(tasks), $"{calls} concurrent unary calls");
        for (var i = 0; i < calls; i++)
            Assert.Equal("call " + i, replies[i].Text);
    }

    [Fact]
    public async Task Concurrent_streams_and_unary_calls_do_not_interfere()
    {
        var streams = Enumerable.Range(0, 20).Select(async i =>
        {
            using var call = fixture.Channel.ServerStreaming(EchoMethods.ServerStream, new StreamRequest { Count = 50, Size = 4096 });
            var n = 0;
            while (await call.ResponseStream.MoveNext(CancellationToken.None))
                n++;
            return n;
        }).ToArray();
        var unary = Enumerable.Range(0, 100).Select(i => fixture.Channel.UnaryAsync(EchoMethods.Unary, new EchoRequest { Text = "u" + i })).ToArray();
        var counts = await Waits.For(Task.WhenAll(streams), "20 concurrent streams of 50 messages");
        await Waits.For(Task.WhenAll(unary), "100 unary calls beside the streams");
        Assert.All(counts, c => Assert.Equal(50, c));
    }
}
