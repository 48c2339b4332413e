using System.Buffers;

namespace Alluxio.Grains.Worker;

/// <summary>
/// Where <see cref="LocalWorker.ReadBlockAsync(BlockReadRequest, IBlockChunkSink, CancellationToken)"/> sends a block's
/// bytes, chunk by chunk; the source's name ("MEM", "SSD"... or "UFS") comes with the first chunk only, null after.
/// Each send completes when the sink can take the next chunk (transport flow control), so a slow reader slows the
/// worker instead of filling its memory.
/// </summary>
public interface IBlockChunkSink
{
    /// <summary>Sends <paramref name="chunk"/>; the bytes are valid only until the returned task completes.</summary>
    ValueTask SendAsync(ReadOnlyMemory<byte> chunk, string? source);

    /// <summary>
    /// Sends <paramref name="length"/> bytes that <paramref name="fill"/> writes straight into the sink's own buffer
    /// (a cached block read without a copy in between). <paramref name="fill"/> writes all of the span it is given or
    /// throws; when it throws nothing is sent and the exception propagates.
    /// </summary>
    ValueTask SendAsync<TState>(int length, string? source, TState state, SpanAction<byte, TState> fill);
}
