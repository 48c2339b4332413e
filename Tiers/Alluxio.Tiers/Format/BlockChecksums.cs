using System.Buffers.Binary;
using Alluxio.Runtime.Hashing;

namespace Alluxio.Tiers.Format;

/// <summary>
/// A committed block's length and the CRC32C of each chunk, kept in the sidecar file <c>&lt;blockId&gt;.meta</c> next to
/// the block's data file (the data file holds only the block's bytes, so a short-circuit client can read it as is).
/// <para>
/// Persisted format, version 1, little-endian; append-only (a new field means a new version, old ones stay readable):
/// <c>magic u32 "ABMT" | version u16 | log2(chunk bytes) u8 | reserved u8 | block id i64 | length i64 |
/// chunk count u32 | CRC32C u32 × chunk count | CRC32C u32 of all preceding bytes</c>.
/// </para>
/// </summary>
public sealed record BlockChecksums(long BlockId, long Length, int ChunkBytes, uint[] ChunkCrcs)
{
    private const uint Magic = 0x544D4241; // "ABMT"
    private const ushort Version = 1;
    private const int HeaderBytes = 4 + 2 + 1 + 1 + 8 + 8 + 4;

    /// <summary>The number of chunks a block of <paramref name="length"/> bytes has.</summary>
    public static int ChunkCount(long length, int chunkBytes) => checked((int)((length + chunkBytes - 1) / chunkBytes));

    /// <summary>The sidecar file's bytes.</summary>
    public byte[] Encode()
    {
        var bytes = new byte[HeaderBytes + (4 * ChunkCrcs.Length) + 4];
        var span = bytes.AsSpan();
        BinaryPrimitives.WriteUInt32LittleEndian(span, Magic);
        BinaryPrimitives.WriteUInt16LittleEndian(span[4..], Version);
        span[6] = (byte)System.Numerics.BitOperations.Log2((uint)ChunkBytes);
        BinaryPrimitives.WriteInt64LittleEndian(span[8..], BlockId);
        BinaryPrimitives.WriteInt64LittleEndian(span[16..], Length);
        BinaryPrimitives.WriteInt32LittleEndian(span[24..], ChunkCrcs.Length);
        for (var i = 0; i < ChunkCrcs.Length; i++)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(span[(HeaderBytes + (4 * i))..], ChunkCrcs[i]);
        }

        BinaryPrimitives.WriteUInt32LittleEndian(span[^4..], Crc32C.Compute(span[..^4]));
        return bytes;
    }

    /// <summary>Parses a sidecar file; <see langword="null"/> with a reason when it is damaged or of an unknown version.</summary>
    public static BlockChecksums? Decode(ReadOnlySpan<byte> bytes, out string? problem)
    {
        problem = null;
        if (bytes.Length < HeaderBytes + 4 || BinaryPrimitives.ReadUInt32LittleEndian(bytes) != Magic)
        {
            problem = "not a block metadata file";
            return null;
        }

        if (BinaryPrimitives.ReadUInt32LittleEndian(bytes[^4..]) != Crc32C.Compute(bytes[..^4]))
        {
            problem = "metadata checksum mismatch";
            return null;
        }

        var version = BinaryPrimitives.ReadUInt16LittleEndian(bytes[4..]);
        if (version != Version)
        {
            problem = $"unknown metadata version {version}";
            return null;
        }

        var chunkBytes = 1 << bytes[6];
        var blockId = BinaryPrimitives.ReadInt64LittleEndian(bytes[8..]);
        var length = BinaryPrimitives.ReadInt64LittleEndian(bytes[16..]);
        var count = BinaryPrimitives.ReadInt32LittleEndian(bytes[24..]);
        if (length < 0 || count < 0 || bytes.Length != HeaderBytes + (4 * (long)count) + 4 || count != ChunkCount(length, chunkBytes))
        {
            problem = "inconsistent metadata lengths";
            return null;
        }

        var crcs = new uint[count];
        for (var i = 0; i < count; i++)
        {
            crcs[i] = BinaryPrimitives.ReadUInt32LittleEndian(bytes[(HeaderBytes + (4 * i))..]);
        }

        return new BlockChecksums(blockId, length, chunkBytes, crcs);
    }
}
