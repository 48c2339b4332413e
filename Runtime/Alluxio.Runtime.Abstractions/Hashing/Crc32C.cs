using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Alluxio.Runtime.Hashing;

/// <summary>
/// CRC-32C (Castagnoli): reflected polynomial 0x82F63B78, initial value and final XOR 0xFFFFFFFF; the check value of
/// ASCII "123456789" is 0xE3069283. Persisted formats (journal frames, cache blocks) store these values, so the
/// definition never changes.
/// </summary>
/// <remarks>
/// The crc32 instruction issues once per cycle but has a three-cycle latency, so one dependent chain runs at a third
/// of the instruction's throughput. Large inputs are therefore cut into blocks of three consecutive stripes, each
/// reduced as an independent chain in one interleaved loop, and merged with the linearity of the CRC:
/// crc(a ++ b) = crc(a)·x^(8|b|) ⊕ crc(b) (raw, un-inverted states), the multiplication being modulo P over GF(2).
/// The "shift past n zero bytes" multipliers are computed once; a shift then costs one carry-less multiply and one
/// crc32 (or a 32-step software multiply where PCLMULQDQ is missing). Without hardware CRC,
/// <see cref="BitOperations.Crc32C(uint, ulong)"/> falls back to software; the values are the same on every path.
/// </remarks>
public static class Crc32C
{
    /// <summary>The reflected Castagnoli polynomial; in this representation bit 31 is the coefficient of x^0.</summary>
    private const uint Polynomial = 0x82F63B78;

    /// <summary>Bytes per stripe of a long block: large enough that the merge (tens of cycles) costs under 1 %.</summary>
    private const int LongStripe = 8192;

    /// <summary>Bytes per stripe of a short block: inputs from 768 bytes up, and what long blocks leave, still run on three chains.</summary>
    private const int ShortStripe = 256;

    /// <summary>x^(2^k) mod P for k = 0..66: enough squarings for a shift by any length up to 2^63 bytes (= 2^66 bits).</summary>
    private static readonly uint[] PowersOfTwo = BuildPowersOfTwo();

    // Shift multipliers for the merges. With PCLMULQDQ, crc32(0, a ⊗ k) = a·k·x^33 mod P (the carry-less product of two
    // reflected 32-bit values is the 64-bit reflected product divided by x, and crc32 of 64 bits multiplies by x^32),
    // so the carry-less multiplier for a shift of n bytes is x^(8n - 33); the software multiplier is x^(8n) itself.
    private static readonly uint LongOneClmul = XPower((8 * LongStripe) - 33, 0);
    private static readonly uint LongTwoClmul = XPower((16 * LongStripe) - 33, 0);
    private static readonly uint ShortOneClmul = XPower((8 * ShortStripe) - 33, 0);
    private static readonly uint ShortTwoClmul = XPower((16 * ShortStripe) - 33, 0);
    private static readonly uint LongOne = XPower(LongStripe, 3);
    private static readonly uint LongTwo = XPower(2 * LongStripe, 3);
    private static readonly uint ShortOne = XPower(ShortStripe, 3);
    private static readonly uint ShortTwo = XPower(2 * ShortStripe, 3);

    /// <summary>The CRC-32C of <paramref name="data"/>.</summary>
    public static uint Compute(ReadOnlySpan<byte> data) => ~Update(uint.MaxValue, data);

    /// <summary>
    /// Continues a checksum: given <paramref name="crc"/> = <see cref="Compute"/>(a), returns <see cref="Compute"/>(a ++ data).
    /// Pass 0 (the CRC of no bytes) to start.
    /// </summary>
    public static uint Append(uint crc, ReadOnlySpan<byte> data) => ~Update(~crc, data);

    /// <summary>
    /// The CRC-32C of a ++ b from <paramref name="crcA"/> = CRC(a), <paramref name="crcB"/> = CRC(b) and b's length,
    /// without the bytes (zlib's crc32_combine): lets parts checksummed in parallel or stored separately be joined.
    /// Costs O(log <paramref name="lengthB"/>) 32-bit multiplies.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="lengthB"/> is negative.</exception>
    public static uint Combine(uint crcA, uint crcB, long lengthB)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(lengthB);
        // The initial value and final XOR cancel between the two finished values, so the raw identity holds as is.
        return Multiply(XPower((ulong)lengthB, 3), crcA) ^ crcB;
    }

    /// <summary>Runs the raw (un-inverted) register <paramref name="crc"/> over <paramref name="data"/>.</summary>
    private static uint Update(uint crc, ReadOnlySpan<byte> data)
    {
        ref var start = ref MemoryMarshal.GetReference(data);
        var length = (nuint)data.Length;
        nuint offset = 0;

        while (length - offset >= 3 * LongStripe)
        {
            crc = Block(crc, ref Unsafe.Add(ref start, offset), LongStripe, LongOneClmul, LongTwoClmul, LongOne, LongTwo);
            offset += 3 * LongStripe;
        }

        while (length - offset >= 3 * ShortStripe)
        {
            crc = Block(crc, ref Unsafe.Add(ref start, offset), ShortStripe, ShortOneClmul, ShortTwoClmul, ShortOne, ShortTwo);
            offset += 3 * ShortStripe;
        }

        for (; length - offset >= 8; offset += 8)
        {
            crc = BitOperations.Crc32C(crc, Read64(ref start, offset));
        }

        for (; offset < length; offset++)
        {
            crc = BitOperations.Crc32C(crc, Unsafe.Add(ref start, offset));
        }

        return crc;
    }

    /// <summary>Reduces 3·<paramref name="stripe"/> bytes as three interleaved chains and merges them into one register.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint Block(uint crc, ref byte block, nuint stripe, uint oneClmul, uint twoClmul, uint one, uint two)
    {
        ref var second = ref Unsafe.Add(ref block, stripe);
        ref var third = ref Unsafe.Add(ref block, 2 * stripe);
        var a = crc;
        var b = 0u;
        var c = 0u;
        for (nuint i = 0; i < stripe; i += 16)
        {
            a = BitOperations.Crc32C(a, Read64(ref block, i));
            b = BitOperations.Crc32C(b, Read64(ref second, i));
            c = BitOperations.Crc32C(c, Read64(ref third, i));
            a = BitOperations.Crc32C(a, Read64(ref block, i + 8));
            b = BitOperations.Crc32C(b, Read64(ref second, i + 8));
            c = BitOperations.Crc32C(c, Read64(ref third, i + 8));
        }

        // a covers stripe 1, b stripe 2, c stripe 3: shift a past two stripes and b past one (independent, so they overlap).
        return Shift(a, twoClmul, two) ^ Shift(b, oneClmul, one) ^ c;
    }

    /// <summary>The raw register <paramref name="crc"/> advanced past n zero bytes (crc·x^(8n) mod P), given x^(8n - 33) and x^(8n).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint Shift(uint crc, uint clmulMultiplier, uint multiplier)
    {
        if (Pclmulqdq.IsSupported && Sse42.X64.IsSupported)
        {
            var product = Pclmulqdq.CarrylessMultiply(Vector128.CreateScalar((ulong)crc), Vector128.CreateScalar((ulong)clmulMultiplier), 0x00);
            return (uint)Sse42.X64.Crc32(0, product.ToScalar());
        }

        return Multiply(multiplier, crc);
    }

    /// <summary>Reads 8 bytes in the order the crc32 instruction consumes them (little-endian).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Read64(ref byte source, nuint offset)
    {
        var value = Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref source, offset));
        return BitConverter.IsLittleEndian ? value : BinaryPrimitives.ReverseEndianness(value);
    }

    /// <summary>a·b mod P in the reflected representation; branch-free so its cost does not depend on the data.</summary>
    private static uint Multiply(uint a, uint b)
    {
        var product = 0u;
        for (var bit = 31; bit >= 0; bit--)
        {
            product ^= b & (0u - ((a >> bit) & 1));
            b = (b >> 1) ^ (Polynomial & (0u - (b & 1)));
        }

        return product;
    }

    /// <summary>x^(n·2^k) mod P, by multiplying the squarings selected by the bits of n (zlib's x2nmodp).</summary>
    private static uint XPower(ulong n, int k)
    {
        var power = 1u << 31; // x^0
        for (; n != 0; n >>= 1, k++)
        {
            if ((n & 1) != 0)
            {
                power = Multiply(PowersOfTwo[k], power);
            }
        }

        return power;
    }

    private static uint[] BuildPowersOfTwo()
    {
        var powers = new uint[67];
        powers[0] = 1u << 30; // x^1
        for (var k = 1; k < powers.Length; k++)
        {
            powers[k] = Multiply(powers[k - 1], powers[k - 1]);
        }

        return powers;
    }
}
