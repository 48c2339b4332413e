using System.Buffers.Binary;
using System.Numerics;

namespace Alluxio.Metastore.Journal.Log;

/// <summary>CRC32C (Castagnoli) with the standard initial value and final XOR, on the hardware instruction where present.</summary>
internal static class Crc32C
{
    /// <summary>The CRC32C of <paramref name="data"/>.</summary>
    public static uint Compute(ReadOnlySpan<byte> data)
    {
        var crc = uint.MaxValue;
        while (data.Length >= 8)
        {
            crc = BitOperations.Crc32C(crc, BinaryPrimitives.ReadUInt64LittleEndian(data));
            data = data[8..];
        }

        foreach (var b in data)
        {
            crc = BitOperations.Crc32C(crc, b);
        }

        return ~crc;
    }
}
