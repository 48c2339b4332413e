using System.Diagnostics;

namespace Alluxio.Bench.JuiceFs;

/// <summary>juicefs bench's sizes: <c>--block-size</c>, <c>--big-file-size</c>, <c>--small-file-size</c>, <c>--small-file-count</c>.</summary>
internal sealed record Sizes(int BlockBytes, long BigFileBytes, int SmallFileBytes, int SmallFileCount);

/// <summary>One figure of one run: juicefs bench's VALUE and COST columns (plus, for big files, the time of one block's I/O).</summary>
internal sealed record Measurement(string Item, double Value, string Unit, double Cost, string CostUnit, double? BlockMs = null);

/// <summary>
/// The five steps of <c>juicefs bench</c> (cmd/bench.go): with p threads, each thread writes one big file in block-size
/// writes, then each reads its big file back in block-size reads, then each writes its own small files (one write each),
/// reads them back, and stats them. VALUE is the total over the threads per second of wall time; COST is the wall time
/// per file of one thread (s/file for big files, ms/file for small ones), as juicefs bench computes them.
/// </summary>
internal static class Workload
{
    public const string WriteBig = "Write big file";
    public const string ReadBig = "Read big file";
    public const string WriteSmall = "Write small file";
    public const string ReadSmall = "Read small file";
    public const string Stat = "Stat file";

    /// <summary>Runs the steps, adding each step's figure to <paramref name="results"/> as it completes (a later step's failure keeps them).</summary>
    public static async Task RunAsync(Target target, string folder, int threads, Sizes sizes, List<Measurement> results)
    {
        var bigBlocks = (int)((sizes.BigFileBytes + sizes.BlockBytes - 1) / sizes.BlockBytes);
        var bigBytes = (long)bigBlocks * sizes.BlockBytes;
        var smallBlock = Math.Min(sizes.SmallFileBytes, sizes.BlockBytes);
        var smallBlocks = (sizes.SmallFileBytes + smallBlock - 1) / smallBlock;
        var smallBytes = (long)smallBlocks * smallBlock;
        var mib = bigBytes / (1024.0 * 1024.0);

        await target.CreateFolderAsync(folder);
        double cost;
        if (bigBlocks > 0) // --big-file-size 0 skips the big files, as in juicefs bench
        {
            cost = await PhaseAsync(threads, async t =>
            {
                var block = RandomBlock(sizes.BlockBytes, t);
                await target.WriteFileAsync(Big(t), block, bigBlocks);
            });
            results.Add(new(WriteBig, mib * threads / cost, "MiB/s", cost, "s/file", cost * 1000 / bigBlocks));

            cost = await PhaseAsync(threads, async t =>
            {
                var read = await target.ReadFileAsync(Big(t), new byte[sizes.BlockBytes]);
                Check(Big(t), read, bigBytes);
            });
            results.Add(new(ReadBig, mib * threads / cost, "MiB/s", cost, "s/file", cost * 1000 / bigBlocks));
        }

        cost = await PhaseAsync(threads, async t =>
        {
            var block = RandomBlock(smallBlock, t + 1000);
            for (var i = 0; i < sizes.SmallFileCount; i++)
            {
                try
                {
                    await target.WriteFileAsync(Small(t, i), block, smallBlocks);
                }
                catch (Exception e)
                {
                    throw new IOException($"{target.Name}: writing {Small(t, i)} (file {i + 1} of thread {t}) failed: {e.Message}", e);
                }
            }
        });
        results.Add(new(WriteSmall, sizes.SmallFileCount * threads / cost, "files/s", cost * 1000 / sizes.SmallFileCount, "ms/file"));

        cost = await PhaseAsync(threads, async t =>
        {
            var buffer = new byte[smallBlock];
            for (var i = 0; i < sizes.SmallFileCount; i++)
            {
                Check(Small(t, i), await target.ReadFileAsync(Small(t, i), buffer), smallBytes);
            }
        });
        results.Add(new(ReadSmall, sizes.SmallFileCount * threads / cost, "files/s", cost * 1000 / sizes.SmallFileCount, "ms/file"));

        cost = await PhaseAsync(threads, async t =>
        {
            for (var i = 0; i < sizes.SmallFileCount; i++)
            {
                await target.StatAsync(Small(t, i));
            }
        });
        results.Add(new(Stat, sizes.SmallFileCount * threads / cost, "files/s", cost * 1000 / sizes.SmallFileCount, "ms/file"));

        string Big(int t) => $"{folder}/bigfile.{t}.0";
        string Small(int t, int i) => $"{folder}/smallfile.{t}.{i}";
    }

    /// <summary>Wall time of <paramref name="threads"/> concurrent copies of <paramref name="work"/> (juicefs bench's goroutines).</summary>
    private static async Task<double> PhaseAsync(int threads, Func<int, Task> work)
    {
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, threads).Select(t => Task.Run(() => work(t))));
        return clock.Elapsed.TotalSeconds;
    }

    private static byte[] RandomBlock(int size, int seed)
    {
        var block = new byte[size];
        new Random(seed).NextBytes(block);
        return block;
    }

    private static void Check(string path, long read, long expected)
    {
        if (read != expected)
        {
            throw new InvalidOperationException($"{path}: read {read} of {expected} bytes");
        }
    }
}
