using System.Collections.Concurrent;
using Alluxio.Grpc.Server;
using Alluxio.Grpc.Tests.Echo;
using Google.Protobuf;

namespace Alluxio.Grpc.Tests;

/// <summary>The test service (test/echo.proto). Registered as a singleton so tests can observe its calls.</summary>
public sealed class EchoService
{
    /// <summary>Per-tag observations of Slow and ServerStream calls.</summary>
    public ConcurrentDictionary<string, CallObservation> Calls { get; } = new();

    public CallObservation Observe(string tag) => Calls.GetOrAdd(tag, _ => new CallObservation());

    public Task<EchoReply> Unary(EchoRequest request, ServerCallContext context)
    {
        // Echo custom request metadata back as trailers, so metadata is tested both ways.
        foreach (var entry in context.RequestHeaders)
        {
            if (entry.Key.StartsWith("x-echo", StringComparison.Ordinal))
                context.ResponseTrailers.Add(entry);
        }

        return Task.FromResult(new EchoReply { Text = request.Text, Payload = request.Payload });
    }

    public async Task ServerStream(StreamRequest request, IServerStreamWriter<EchoReply> responseStream, ServerCallContext context)
    {
        var observation = request.Tag.Length > 0 ? Observe(request.Tag) : null;
        observation?.Started.TrySetResult();
        if (context.RequestHeaders.GetValue("x-send-headers") is { } value)
            await context.WriteResponseHeadersAsync(new Metadata { { "x-reply-header", value } });
        var payload = ByteString.CopyFrom(new byte[request.Size]);
        try
        {
            for (var i = 0; i < request.Count; i++)
                await responseStream.WriteAsync(new EchoReply { Text = i.ToString(System.Globalization.CultureInfo.InvariantCulture), Payload = payload });
            observation?.Ended.TrySetResult("completed");
        }
        catch (OperationCanceledException)
        {
            observation?.Ended.TrySetResult(context.CancellationToken.IsCancellationRequested ? "cancelled" : "other");
            throw;
        }
    }

    public async Task<SumReply> ClientStream(IAsyncStreamReader<SumRequest> requestStream, ServerCallContext context)
    {
        var reply = new SumReply();
        await foreach (var item in requestStream.ReadAllAsync())
        {
            reply.Sum += item.Value;
            reply.Count++;
        }

        return reply;
    }

    public async Task Duplex(IAsyncStreamReader<EchoRequest> requestStream, IServerStreamWriter<EchoReply> responseStream, ServerCallContext context)
    {
        while (await requestStream.MoveNext(CancellationToken.None))
        {
            var request = requestStream.Current;
            await responseStream.WriteAsync(new EchoReply { Text = request.Text, Payload = request.Payload });
        }
    }

    public Task<EchoReply> Fail(FailRequest request, ServerCallContext context)
    {
        if (request.Code == -1)
            throw new InvalidOperationException("secret internal detail " + request.Message);
        var trailers = new Metadata { { "x-fail-trailer", "present" } };
        foreach (var entry in context.RequestHeaders)
        {
            if (entry.Key.StartsWith("x-echo", StringComparison.Ordinal))
                trailers.Add(entry);
        }

        throw new RpcException(new Status((StatusCode)request.Code, request.Message), trailers);
    }

    public async Task<EchoReply> Slow(SlowRequest request, ServerCallContext context)
    {
        var observation = request.Tag.Length > 0 ? Observe(request.Tag) : null;
        observation?.Started.TrySetResult();
        try
        {
            // The handler's own behaviour (not test synchronisation): wait, but give up when the call is cancelled.
            await Task.Delay(request.Millis, context.CancellationToken);
        }
        catch (OperationCanceledException)
        {
            var reason = ((Server.Internal.HttpServerCallContext)context).Transport.Aborted.IsCancellationRequested ? "cancelled" : "deadline";
            observation?.Ended.TrySetResult(reason);
            throw;
        }

        observation?.Ended.TrySetResult("completed");
        return new EchoReply { Text = "slept" };
    }
}
