using Alluxio.Runtime.Hashing;
using Xunit;

namespace Alluxio.Runtime.Tests.Hashing;

/// <summary>
/// The striped CRC-32C must equal the textbook definition on every path: the single chain for short inputs, the short and
/// long three-stripe blocks, their boundaries, misaligned starts, and the incremental and combining entry points.
/// </summary>
public sealed class Crc32CTests
{
    /// <summary>Lengths around the block boundaries (3 x 256 and 3 x 8192 bytes) and a few large odd sizes.</summary>
    public static TheoryData<int> LargeLengths => new()
    {
        767, 768, 769, 1535, 1536, 1543,
        24575, 24576, 24577, 24576 + 767, 24576 + 768, 24576 + 775, 49152 - 1, 49152 + 8,
        65536, 65536 + 1, 100_003, (1 << 20) + 7,
    };

    [Fact]
    public void Check_value_of_123456789()
    {
        Assert.Equal(0xE3069283u, Crc32C.Compute("123456789"u8));
        Assert.Equal(0xE3069283u, Reference("123456789"u8));
    }

    [Fact]
    public void Rfc3720_iscsi_vectors()
    {
        Assert.Equal(0u, Crc32C.Compute([]));
        Assert.Equal(0x8A9136AAu, Crc32C.Compute(new byte[32]));
        Assert.Equal(0x62A8AB43u, Crc32C.Compute(Enumerable.Repeat((byte)0xFF, 32).ToArray()));
        Assert.Equal(0x46DD794Eu, Crc32C.Compute(Enumerable.Range(0, 32).Select(i => (byte)i).ToArray()));
        Assert.Equal(0x113FDB5Cu, Crc32C.Compute(Enumerable.Range(0, 32).Select(i => (byte)(31 - i)).ToArray()));
    }

    [Fact]
    public void Reference_implementation_agrees_with_the_vectors()
    {
        Assert.Equal(0x8A9136AAu, Reference(new byte[32]));
        Assert.Equal(0x46DD794Eu, Reference(Enumerable.Range(0, 32).Select(i => (byte)i).ToArray()));
    }

    [Fact]
    public void Every_length_up_to_4096_matches_the_reference_at_every_alignment()
    {
        var random = new Random(3720);
        var buffer = new byte[4096 + 8];
        random.NextBytes(buffer);
        for (var length = 0; length <= 4096; length++)
        {
            var data = buffer.AsSpan(length % 8, length);
            Assert.True(Reference(data) == Crc32C.Compute(data), $"length {length}");
        }
    }

    [Theory]
    [MemberData(nameof(LargeLengths))]
    public void Large_lengths_match_the_reference(int length)
    {
        var data = new byte[length + 3];
        new Random(length).NextBytes(data);
        Assert.Equal(Reference(data.AsSpan(0, length)), Crc32C.Compute(data.AsSpan(0, length)));
        Assert.Equal(Reference(data.AsSpan(3, length)), Crc32C.Compute(data.AsSpan(3, length)));
    }

    [Fact]
    public void A_64_MiB_block_matches_the_reference()
    {
        var data = new byte[64 << 20];
        new Random(64).NextBytes(data);
        Assert.Equal(Reference(data), Crc32C.Compute(data));
    }

    [Fact]
    public void Append_from_zero_equals_compute()
    {
        var data = new byte[30_000];
        new Random(1).NextBytes(data);
        Assert.Equal(0u, Crc32C.Append(0, []));
        Assert.Equal(Crc32C.Compute(data), Crc32C.Append(0, data));
        Assert.Equal(Crc32C.Compute(data), Crc32C.Append(Crc32C.Compute(data), []));
    }

    [Fact]
    public void Append_across_random_split_points_equals_compute_of_the_whole()
    {
        var random = new Random(42);
        for (var round = 0; round < 50; round++)
        {
            var data = new byte[random.Next(0, 200_000)];
            random.NextBytes(data);
            var crc = 0u;
            var offset = 0;
            while (offset < data.Length)
            {
                // Mostly small pieces, sometimes ones large enough for the striped blocks.
                var piece = Math.Min(data.Length - offset, random.Next(4) == 0 ? random.Next(0, 60_000) : random.Next(0, 100));
                crc = Crc32C.Append(crc, data.AsSpan(offset, piece));
                offset += piece;
            }

            Assert.Equal(Reference(data), crc);
        }
    }

    [Fact]
    public void Combine_equals_compute_of_the_concatenation()
    {
        var random = new Random(7);
        for (var round = 0; round < 200; round++)
        {
            var a = new byte[random.Next(0, round < 100 ? 64 : 70_000)];
            var b = new byte[random.Next(0, round < 100 ? 64 : 70_000)];
            random.NextBytes(a);
            random.NextBytes(b);
            var expected = Crc32C.Compute([.. a, .. b]);
            Assert.Equal(expected, Crc32C.Combine(Crc32C.Compute(a), Crc32C.Compute(b), b.Length));
        }
    }

    [Fact]
    public void Combine_joins_parts_checksummed_separately()
    {
        var data = new byte[1 << 20];
        new Random(11).NextBytes(data);
        var crc = 0u;
        for (var offset = 0; offset < data.Length; offset += 65_537)
        {
            var part = data.AsSpan(offset, Math.Min(65_537, data.Length - offset));
            crc = Crc32C.Combine(crc, Crc32C.Compute(part), part.Length);
        }

        Assert.Equal(Crc32C.Compute(data), crc);
    }

    [Fact]
    public void Combine_of_zero_runs_doubles_like_the_direct_value()
    {
        var oneMiB = Crc32C.Compute(new byte[1 << 20]);
        var twoMiB = Crc32C.Combine(oneMiB, oneMiB, 1 << 20);
        Assert.Equal(Crc32C.Compute(new byte[4 << 20]), Crc32C.Combine(twoMiB, twoMiB, 2 << 20));
        Assert.Equal(0x12345678u, Crc32C.Combine(0x12345678, 0, 0));
    }

    [Fact]
    public void Combine_is_associative_for_lengths_beyond_memory()
    {
        // Lengths up to 2^61 bytes reach the top squarings, which no buffer can check directly: x^(8(m+n)) = x^(8m)·x^(8n).
        var random = new Random(99);
        for (var round = 0; round < 200; round++)
        {
            var (a, b, c) = ((uint)random.NextInt64(), (uint)random.NextInt64(), (uint)random.NextInt64());
            var lengthB = random.NextInt64(0, 1L << (round % 62));
            var lengthC = random.NextInt64(0, 1L << (round % 62));
            Assert.Equal(
                Crc32C.Combine(Crc32C.Combine(a, b, lengthB), c, lengthC),
                Crc32C.Combine(a, Crc32C.Combine(b, c, lengthC), lengthB + lengthC));
        }
    }

    [Fact]
    public void Combine_rejects_a_negative_length()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Crc32C.Combine(1, 2, -1));
    }

    /// <summary>The textbook bit-at-a-time CRC-32C: reflected, polynomial 0x82F63B78, initial value and final XOR all ones.</summary>
    private static uint Reference(ReadOnlySpan<byte> data)
    {
        var crc = uint.MaxValue;
        foreach (var b in data)
        {
            crc ^= b;
            for (var bit = 0; bit < 8; bit++)
            {
                crc = (crc >> 1) ^ (0x82F63B78 & (0u - (crc & 1))); // branch-free, so 64 MiB takes about a second
            }
        }

        return ~crc;
    }
}
