using Alluxio.Runtime.Hashing;

namespace Alluxio.Tiers.Format;

/// <summary>Computes per-chunk CRC32Cs of bytes appended in order (a writer's running checksum list).</summary>
internal sealed class ChunkChecksummer(int chunkBytes)
{
    private readonly List<uint> _crcs = [];
    private uint _current;
    private int _inChunk;

    public long Length { get; private set; }

    public int ChunkBytes => chunkBytes;

    public void Append(ReadOnlySpan<byte> data)
    {
        Length += data.Length;
        while (!data.IsEmpty)
        {
            var take = Math.Min(chunkBytes - _inChunk, data.Length);
            _current = Crc32C.Append(_current, data[..take]);
            _inChunk += take;
            data = data[take..];
            if (_inChunk == chunkBytes)
            {
                _crcs.Add(_current);
                _current = 0;
                _inChunk = 0;
            }
        }
    }

    public BlockChecksums Finish(long blockId)
    {
        var crcs = _inChunk > 0 ? [.. _crcs, _current] : _crcs.ToArray();
        return new BlockChecksums(blockId, Length, chunkBytes, crcs);
    }
}
