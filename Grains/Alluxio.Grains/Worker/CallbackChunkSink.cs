using System.Buffers;

namespace Alluxio.Grains.Worker;

/// <summary>A sink over a callback that takes bytes in memory: fills go through a pooled buffer first.</summary>
public sealed class CallbackChunkSink(Func<ReadOnlyMemory<byte>, string?, ValueTask> send) : IBlockChunkSink
{
    public ValueTask SendAsync(ReadOnlyMemory<byte> chunk, string? source) => send(chunk, source);

    public async ValueTask SendAsync<TState>(int length, string? source, TState state, SpanAction<byte, TState> fill)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(Math.Max(length, 1));
        try
        {
            fill(buffer.AsSpan(0, length), state);
            await send(buffer.AsMemory(0, length), source);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
