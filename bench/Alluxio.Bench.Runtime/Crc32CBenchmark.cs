using System.Buffers.Binary;
using System.Diagnostics;
using System.Numerics;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using Alluxio.Runtime.Hashing;

namespace Alluxio.Bench.Runtime;

/// <summary>
/// CRC-32C throughput: the striped <see cref="Crc32C.Compute"/> against the single dependent crc32 chain it replaced
/// (latency-bound at 8 bytes per 3 cycles), on a 64 MiB cache block and on smaller, cache-resident inputs.
/// </summary>
internal static class Crc32CBenchmark
{
    private const long BytesPerRun = 1L << 30;

    public static void Run(int runs)
    {
        var data = new byte[64 << 20];
        new Random(1).NextBytes(data);
        if (SingleStream(data) != Crc32C.Compute(data))
        {
            throw new InvalidOperationException("The single-stream loop and Crc32C.Compute disagree.");
        }

        Console.WriteLine("| CRC-32C | single crc32 chain | Crc32C.Compute (3 stripes) | speed-up | read-only pass (the limit) |");
        Console.WriteLine("|---|---|---|---|---|");
        foreach (var size in new[] { 64 << 20, 1 << 20, 64 << 10 })
        {
            var block = data.AsMemory(0, size);
            Measure(block, SingleStream, TimeSpan.FromMilliseconds(300)); // warm-up: let tiered compilation reach tier 1
            Measure(block, Crc32C.Compute, TimeSpan.FromMilliseconds(300));
            Measure(block, ReadOnly, TimeSpan.FromMilliseconds(300));
            var single = new List<double>();
            var striped = new List<double>();
            var read = new List<double>();
            for (var i = 0; i < runs; i++)
            {
                single.Add(Measure(block, SingleStream, null));
                striped.Add(Measure(block, Crc32C.Compute, null));
                read.Add(Measure(block, ReadOnly, null));
                Console.Error.WriteLine($"  crc {size >> 10} KiB run {i + 1}: single {single[^1]:N1} GB/s, striped {striped[^1]:N1} GB/s, read {read[^1]:N1} GB/s");
            }

            var (s, t) = (Stats.Median(single), Stats.Median(striped));
            Console.WriteLine($"| {Describe(size)} buffer, GB/s (median of {runs}) | {s:N1} | {t:N1} | {t / s:N2}x | {Stats.Median(read):N1} |");
        }

        Console.WriteLine();
    }

    /// <summary>The loop <see cref="Crc32C"/> replaced: one crc32 chain, 8 bytes per instruction.</summary>
    private static uint SingleStream(ReadOnlySpan<byte> data)
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

    /// <summary>XORs the buffer 64 bytes at a time: what memory (or the cache) delivers to one core with no work per byte.</summary>
    private static uint ReadOnly(ReadOnlySpan<byte> data)
    {
        var vectors = MemoryMarshal.Cast<byte, Vector512<byte>>(data);
        var (x0, x1, x2, x3) = (Vector512<byte>.Zero, Vector512<byte>.Zero, Vector512<byte>.Zero, Vector512<byte>.Zero);
        var i = 0;
        for (; i + 4 <= vectors.Length; i += 4)
        {
            x0 ^= vectors[i];
            x1 ^= vectors[i + 1];
            x2 ^= vectors[i + 2];
            x3 ^= vectors[i + 3];
        }

        return (x0 ^ x1 ^ x2 ^ x3).AsUInt32().ToScalar();
    }

    /// <summary>GB/s (10^9 bytes) over <see cref="BytesPerRun"/> bytes, or for at least <paramref name="warmUp"/> when given.</summary>
    private static double Measure(ReadOnlyMemory<byte> block, Func<ReadOnlySpan<byte>, uint> crc, TimeSpan? warmUp)
    {
        var sink = 0u;
        long bytes = 0;
        var watch = Stopwatch.StartNew();
        while (warmUp is { } limit ? watch.Elapsed < limit : bytes < BytesPerRun)
        {
            sink ^= crc(block.Span);
            bytes += block.Length;
        }

        GC.KeepAlive(sink);
        return bytes / watch.Elapsed.TotalSeconds / 1e9;
    }

    private static string Describe(int size) => size >= 1 << 20 ? $"{size >> 20} MiB" : $"{size >> 10} KiB";
}
