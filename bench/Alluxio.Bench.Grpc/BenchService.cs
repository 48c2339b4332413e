using Alluxio.Bench.Grpc.Messages;
using Alluxio.Grpc;
using Alluxio.Grpc.Server;
using Google.Protobuf;

namespace Alluxio.Bench.Grpc;

/// <summary>The benchmarked service: echo for unary, N replies of a shared payload for streaming.</summary>
public sealed class BenchService
{
    private ByteString _payload = ByteString.Empty;
    private (int Size, byte[] Bytes) _serialized = (-1, []);

    public Task<BenchReply> Unary(BenchRequest request, ServerCallContext context) =>
        Task.FromResult(new BenchReply { Payload = request.Payload });

    public async Task Stream(BenchRequest request, IServerStreamWriter<BenchReply> responseStream, ServerCallContext context)
    {
        var payload = _payload;
        if (payload.Length != request.Size)
            _payload = payload = ByteString.CopyFrom(new byte[request.Size]);
        var reply = new BenchReply { Payload = payload };
        for (var i = 0; i < request.Count; i++)
            await responseStream.WriteAsync(reply, context.CancellationToken);
    }

    /// <summary>As <see cref="Stream"/>, each reply copied from its serialized form straight into the response buffer.</summary>
    public async Task StreamPayloads(BenchRequest request, IServerStreamWriter<BenchReply> responseStream, ServerCallContext context)
    {
        var cached = _serialized;
        if (cached.Size != request.Size)
            _serialized = cached = (request.Size, new BenchReply { Payload = ByteString.CopyFrom(new byte[request.Size]) }.ToByteArray());
        var serialized = cached.Bytes;
        var writer = (IServerStreamPayloadWriter)responseStream;
        for (var i = 0; i < request.Count; i++)
            await writer.WritePayloadAsync(serialized.Length, destination => serialized.CopyTo(destination), context.CancellationToken);
    }
}
