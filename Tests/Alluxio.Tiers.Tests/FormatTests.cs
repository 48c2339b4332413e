using Alluxio.Tiers.Format;

namespace Alluxio.Tiers.Tests;

/// <summary>The block sidecar is a persisted format: these bytes must never change meaning.</summary>
public sealed class FormatTests
{
    [Fact]
    public void The_sidecar_format_is_stable()
    {
        var sums = new BlockChecksums(BlockId: 0x0102030405060708, Length: 5000, ChunkBytes: 4096, ChunkCrcs: [0xAABBCCDD, 0x11223344]);

        Assert.Equal(
            "41424D540100" + "0C00" + "0807060504030201" + "8813000000000000" + "02000000" + "DDCCBBAA" + "44332211",
            Convert.ToHexString(sums.Encode())[..^8]);
        var decoded = BlockChecksums.Decode(sums.Encode(), out var problem);
        Assert.Null(problem);
        Assert.Equal(sums.ChunkCrcs, decoded!.ChunkCrcs);
        Assert.Equal((sums.BlockId, sums.Length, sums.ChunkBytes), (decoded.BlockId, decoded.Length, decoded.ChunkBytes));
    }

    [Fact]
    public void Damaged_sidecars_are_refused_with_a_reason()
    {
        var bytes = new BlockChecksums(1, 10, 4096, [7]).Encode();
        bytes[17] ^= 1;

        Assert.Null(BlockChecksums.Decode(bytes, out var problem));
        Assert.Equal("metadata checksum mismatch", problem);
        Assert.Null(BlockChecksums.Decode(new byte[3], out problem));
        Assert.Equal("not a block metadata file", problem);
    }

    [Fact]
    public void Chunk_checksums_match_across_write_sizes()
    {
        var data = new byte[10_000];
        new Random(5).NextBytes(data);
        var whole = new ChunkChecksummer(4096);
        whole.Append(data);
        var pieces = new ChunkChecksummer(4096);
        for (var i = 0; i < data.Length; i += 777)
        {
            pieces.Append(data.AsSpan(i, Math.Min(777, data.Length - i)));
        }

        var expected = new[] { Crc(data.AsSpan(0, 4096)), Crc(data.AsSpan(4096, 4096)), Crc(data.AsSpan(8192)) };
        Assert.Equal(expected, whole.Finish(1).ChunkCrcs);
        Assert.Equal(expected, pieces.Finish(1).ChunkCrcs);
    }

    private static uint Crc(ReadOnlySpan<byte> bytes) => Runtime.Hashing.Crc32C.Compute(bytes);
}
