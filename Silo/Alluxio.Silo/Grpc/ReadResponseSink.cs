using System.Buffers;
using Alluxio.Grains.Worker;
using Alluxio.Grpc.Server;
using Alluxio.Protos.Grpc.Block;
using Google.Protobuf;

namespace Alluxio.Silo.Grpc;

/// <summary>
/// A ReadBlock response stream as the worker's chunk sink. Where the server's writer takes serialized messages, a
/// cached chunk is read from its block file straight into the response buffer as a <see cref="ReadResponse"/>
/// (<see cref="ReadResponseWire"/>); otherwise each chunk goes out in a message that wraps it without a copy.
/// </summary>
internal sealed class ReadResponseSink(IServerStreamWriter<ReadResponse> stream) : IBlockChunkSink
{
    private readonly IServerStreamPayloadWriter? _payloads = stream as IServerStreamPayloadWriter;

    // No copy: the writer serializes the message into the response pipe before it returns, so the caller's buffer
    // is free again once the write is awaited.
    public ValueTask SendAsync(ReadOnlyMemory<byte> chunk, string? source) =>
        new(stream.WriteAsync(new ReadResponse { Chunk = UnsafeByteOperations.UnsafeWrap(chunk), Source = source ?? "" }));

    public ValueTask SendAsync<TState>(int length, string? source, TState state, SpanAction<byte, TState> fill) =>
        _payloads is null
            ? new CallbackChunkSink(SendAsync).SendAsync(length, source, state, fill)
            : new(_payloads.WritePayloadAsync(
                ReadResponseWire.Size(length, source),
                destination => ReadResponseWire.Write(destination, length, source, state, fill)));
}
