using Alluxio.Grpc;
using Alluxio.Protos.Grpc.Block;

namespace Alluxio.Client.IO;

/// <summary>A ReadBlock stream over a <see cref="GrpcChannel"/> (the master connection): each chunk is a view of the received bytes, copied to the reader.</summary>
internal sealed class GrpcBlockReader(AsyncServerStreamingCall<ReadResponse> call) : IBlockReader
{
    private ReadOnlyMemory<byte> _chunk;
    private int _offset;

    public string? Source { get; private set; }

    public bool ChunkPending => _offset < _chunk.Length;

    public async ValueTask<int> ReadAsync(Memory<byte> destination, CancellationToken cancellationToken)
    {
        while (_offset == _chunk.Length)
        {
            var (more, chunk, source) = await FileSystem.NextChunkAsync(call.ResponsePayloads, cancellationToken);
            if (!more)
            {
                _chunk = default;
                _offset = 0;
                return 0;
            }

            if (source.Length > 0)
            {
                Source = source;
            }

            (_chunk, _offset) = (chunk, 0);
        }

        var n = Math.Min(destination.Length, _chunk.Length - _offset);
        _chunk.Span.Slice(_offset, n).CopyTo(destination.Span);
        _offset += n;
        return n;
    }

    public void Dispose() => call.Dispose();
}
