using System.Buffers.Binary;
using System.Numerics;
using System.Text;

namespace Alluxio.Runtime;

/// <summary>
/// XXH32 (seed 0) over UTF-8 bytes: a hash that is the same in every process and on every machine, used for grain
/// placement and the directory ring. <see cref="string.GetHashCode()"/> is randomised per process and must never be
/// used for anything that crosses a process boundary.
/// </summary>
public static class StableHash
{
    private const uint Prime1 = 2654435761U;
    private const uint Prime2 = 2246822519U;
    private const uint Prime3 = 3266489917U;
    private const uint Prime4 = 668265263U;
    private const uint Prime5 = 374761393U;

    /// <summary>Hashes the UTF-8 encoding of <paramref name="value"/>.</summary>
    public static uint Compute(string value)
    {
        var max = Encoding.UTF8.GetMaxByteCount(value.Length);
        if (max <= 512)
        {
            Span<byte> buffer = stackalloc byte[max];
            var n = Encoding.UTF8.GetBytes(value, buffer);
            return Compute(buffer[..n]);
        }

        return Compute(Encoding.UTF8.GetBytes(value));
    }

    /// <summary>Hashes <paramref name="data"/> with XXH32, seed 0.</summary>
    public static uint Compute(ReadOnlySpan<byte> data)
    {
        var length = data.Length;
        uint h;
        if (data.Length >= 16)
        {
            uint v1 = unchecked(Prime1 + Prime2), v2 = Prime2, v3 = 0, v4 = unchecked(0 - Prime1);
            while (data.Length >= 16)
            {
                v1 = Round(v1, BinaryPrimitives.ReadUInt32LittleEndian(data));
                v2 = Round(v2, BinaryPrimitives.ReadUInt32LittleEndian(data[4..]));
                v3 = Round(v3, BinaryPrimitives.ReadUInt32LittleEndian(data[8..]));
                v4 = Round(v4, BinaryPrimitives.ReadUInt32LittleEndian(data[12..]));
                data = data[16..];
            }

            h = BitOperations.RotateLeft(v1, 1) + BitOperations.RotateLeft(v2, 7)
                + BitOperations.RotateLeft(v3, 12) + BitOperations.RotateLeft(v4, 18);
        }
        else
        {
            h = Prime5;
        }

        h += (uint)length;
        while (data.Length >= 4)
        {
            h += BinaryPrimitives.ReadUInt32LittleEndian(data) * Prime3;
            h = BitOperations.RotateLeft(h, 17) * Prime4;
            data = data[4..];
        }

        foreach (var b in data)
        {
            h += b * Prime5;
            h = BitOperations.RotateLeft(h, 11) * Prime1;
        }

        h ^= h >> 15;
        h *= Prime2;
        h ^= h >> 13;
        h *= Prime3;
        h ^= h >> 16;
        return h;
    }

    private static uint Round(uint acc, uint input) => BitOperations.RotateLeft(acc + (input * Prime2), 13) * Prime1;
}
