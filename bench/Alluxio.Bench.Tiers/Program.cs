using System.Diagnostics;
using System.Globalization;
using Alluxio.Tiers.Options;
using Alluxio.Tiers.Store;

// Usage: Alluxio.Bench.Tiers [--quick] [--runs N] [--gib N] [--mem DIR] [--disk DIR]
// Writes and reads N GiB as 64 MiB blocks in a MEM tier (tmpfs), next to the same bytes written to and read from a
// plain file on the same tmpfs and a page-cached file on the local disk, 1 MiB at a time. Medians of several runs.
var quick = args.Contains("--quick");
var runs = Option("--runs", quick ? 3 : 5);
var gib = Option("--gib", 1);
var root = OptionText("--mem", "/dev/shm") + $"/alluxio-bench-tiers-{Environment.ProcessId}";
var disk = OptionText("--disk", Path.GetTempPath()) + $"/alluxio-bench-tiers-{Environment.ProcessId}";
const int BlockBytes = 64 << 20;
const int Piece = 1 << 20;
var blocks = gib * 1024 / 64;
var total = (long)blocks * BlockBytes;
var data = new byte[BlockBytes];
new Random(1).NextBytes(data);
Directory.CreateDirectory(root);
Directory.CreateDirectory(disk);
Console.WriteLine($"# tier store benchmark: {Environment.ProcessorCount} cores, {runs} runs, {gib} GiB as {blocks} x 64 MiB blocks, 1 MiB I/O, .NET {Environment.Version}");
Console.WriteLine();

var options = new TieredStoreOptions
{
    Tiers = [new TierOptions { Alias = "MEM", Directories = [new TierDirectoryOptions { Path = Path.Combine(root, "mem"), QuotaBytes = total + BlockBytes }] }],
};
var verifyingOptions = options;
var verifying = TieredBlockStore.Open(verifyingOptions);
options = new TieredStoreOptions { Tiers = verifyingOptions.Tiers, VerifyChecksumsOnRead = false };
var results = new Dictionary<string, List<double>>();
var buffer = new byte[Piece];
try
{
    for (var run = -1; run < runs; run++) // run -1 warms up the JIT and the page cache
    {
        Measure("write: plain file on tmpfs (limit)", run, () => WriteFile(Path.Combine(root, "plain.bin")));
        Measure("write: MUST_CACHE blocks into the MEM tier", run, () => WriteBlocks(verifying));
        Measure("read: page-cached file on local disk (limit)", run, () => ReadFile(Path.Combine(disk, "plain.bin"), prepare: true));
        Measure("read: plain file on tmpfs", run, () => ReadFile(Path.Combine(root, "plain.bin"), prepare: false));
        Measure("read: MEM-tier blocks, CRC32C verified", run, () => ReadBlocks(verifying));
        verifying.Dispose(); // one store per directory at a time
        using (var unverified = TieredBlockStore.Open(options))
        {
            Measure("read: MEM-tier blocks, verification off", run, () => ReadBlocks(unverified));
        }

        verifying = TieredBlockStore.Open(verifyingOptions);

        foreach (var block in verifying.GetBlocks())
        {
            verifying.RemoveBlockAsync(block.BlockId).AsTask().GetAwaiter().GetResult();
        }

        File.Delete(Path.Combine(root, "plain.bin"));
    }
}
finally
{
    verifying.Dispose();
    Directory.Delete(root, recursive: true);
    Directory.Delete(disk, recursive: true);
}

var pageCached = Median(results["read: page-cached file on local disk (limit)"]);
var tmpfsWrite = Median(results["write: plain file on tmpfs (limit)"]);
Console.WriteLine("| operation | GB/s (median) | runs | vs limit |");
Console.WriteLine("|---|---:|---|---:|");
foreach (var (name, values) in results)
{
    var limit = name.StartsWith("write", StringComparison.Ordinal) ? tmpfsWrite : pageCached;
    Console.WriteLine($"| {name} | {Median(values):F2} | {string.Join(" ", values.Select(v => v.ToString("F2", CultureInfo.InvariantCulture)))} | {Median(values) / limit:F2}x |");
}

void Measure(string name, int run, Action action)
{
    var clock = Stopwatch.StartNew();
    action();
    var rate = total / clock.Elapsed.TotalSeconds / 1e9;
    if (run >= 0)
    {
        (results.TryGetValue(name, out var list) ? list : results[name] = []).Add(rate);
        Console.Error.WriteLine($"  run {run + 1}: {name} {rate:F2} GB/s");
    }
}

void WriteFile(string path)
{
    using var file = File.OpenHandle(path, FileMode.Create, FileAccess.Write);
    for (long offset = 0; offset < total; offset += Piece)
    {
        RandomAccess.Write(file, data.AsSpan((int)(offset % BlockBytes), Piece), offset);
    }
}

void WriteBlocks(TieredBlockStore store)
{
    for (var b = 0; b < blocks; b++)
    {
        using var writer = store.CreateBlockAsync(b, new BlockWriteOptions { ExpectedLength = BlockBytes }).AsTask().GetAwaiter().GetResult();
        for (var offset = 0; offset < BlockBytes; offset += Piece)
        {
            writer.WriteAsync(data.AsMemory(offset, Piece)).AsTask().GetAwaiter().GetResult();
        }

        writer.CommitAsync().AsTask().GetAwaiter().GetResult();
    }
}

void ReadFile(string path, bool prepare)
{
    if (prepare && !File.Exists(path))
    {
        WriteFile(path);
    }

    using var file = File.OpenHandle(path, FileMode.Open, FileAccess.Read);
    for (long offset = 0; offset < total; offset += Piece)
    {
        RandomAccess.Read(file, buffer, offset);
    }
}

void ReadBlocks(TieredBlockStore store)
{
    for (var b = 0; b < blocks; b++)
    {
        using var reader = store.OpenReadAsync(b).AsTask().GetAwaiter().GetResult();
        for (long offset = 0; offset < reader.Length; offset += Piece)
        {
            reader.Read(offset, buffer);
        }
    }
}

static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);

int Option(string name, int fallback) => int.TryParse(OptionText(name, ""), out var v) ? v : fallback;

string OptionText(string name, string fallback)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
}
