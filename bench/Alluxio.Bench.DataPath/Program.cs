using System.Diagnostics;
using System.Globalization;
using Alluxio.Bench.DataPath;
using Alluxio.Client;
using Alluxio.Grains.FileSystem;
using Alluxio.Testing.Processes;

// Usage: Alluxio.Bench.DataPath [--quick] [--runs N] [--gib N] [--mem-dir DIR] [--dir DIR] [--no-rclone] [--master-port]
// One file of N GiB (64 MiB blocks) through a live silo and the .NET SDK over loopback gRPC, each figure next to its
// limit or peer measured in the same run: raw loopback TCP, plain writes to the MEM tier's tmpfs and to the UFS disk,
// a page-cached read of the UFS file, and rclone mount (--vfs-cache-mode full) re-reading the same file. Medians.
const string ColdUfsRead = "SDK read, cold, short-circuit (reads the UFS file, the worker caches behind)";
const string ColdUfsReadCached = "the same, until every block is cached";
const string TmpfsNext = "limit: write to the MEM tier's tmpfs directly, just before the next row";
const string DurableNext = "limit: write to the UFS disk directly + fsync, just before the next row";
const string DurableAfter = "limit: write to the UFS disk directly + fsync, just after the previous row";
const string ColdCacheFirst = "SDK read, cold, short-circuit, ShortCircuitUfsReads off (the worker caches first, read-ahead 2 blocks)";
var quick = args.Contains("--quick");
var runs = Option("--runs", quick ? 2 : 3);
var gib = Option("--gib", 1);
var total = (long)gib << 30;
var root = OptionText("--dir", Path.Combine(Path.GetTempPath(), $"alluxio-bench-data-{Environment.ProcessId}"));
var memDir = OptionText("--mem-dir", "/dev/shm") + $"/alluxio-bench-data-{Environment.ProcessId}";
var dataDir = Path.Combine(root, "data");
var ufsDir = Path.Combine(dataDir, "underfs");
var data = new byte[64 << 20];
new Random(7).NextBytes(data);
Directory.CreateDirectory(root);
Console.WriteLine($"# data path benchmark: {Environment.ProcessorCount} cores, {runs} runs, block streams on the {(args.Contains("--master-port") ? "master port (Kestrel)" : "worker data port")}, a {gib} GiB file in 64 MiB blocks, 1 MiB I/O, MEM tier in {Path.GetDirectoryName(memDir)}, .NET {Environment.Version}");
Console.WriteLine();

var environment = new Dictionary<string, string>
{
    ["ALLUXIO_Worker__MemoryDirectory"] = memDir,
    ["ALLUXIO_Worker__MemoryBytes"] = (total * 4 + (1L << 30)).ToString(CultureInfo.InvariantCulture),
    ["ALLUXIO_Worker__SsdBytes"] = (total * 2).ToString(CultureInfo.InvariantCulture),
    ["ALLUXIO_Logging__LogLevel__Default"] = "Warning",
};
var results = new Dictionary<string, List<double>>();
await using (var silo = SiloProcess.Start(dataDir, environment))
{
    await silo.WaitUntilServingAsync();
    // --master-port: block streams over the master connection (Kestrel) instead of the worker's data port.
    var dataPort = !args.Contains("--master-port");
    using var fs = FileSystem.Connect(silo.Address, new FileSystemClientOptions { ShortCircuit = false, UseWorkerDataPort = dataPort }); // every byte over gRPC
    using var local = FileSystem.Connect(silo.Address, new FileSystemClientOptions { UseWorkerDataPort = dataPort }); // short-circuit: this process is on the worker's host
    using var cacheFirst = FileSystem.Connect(silo.Address, new FileSystemClientOptions { ShortCircuitUfsReads = false, UseWorkerDataPort = dataPort }); // misses cached by the worker, then read
    await fs.CreateDirectoryAsync("/bench", new CreateDirectoryOptions(AllowExists: true));
    for (var run = -1; run < runs; run++) // run -1 warms up the JIT, the connection and the page cache
    {
        var tag = run < 0 ? "warm" : run.ToString(CultureInfo.InvariantCulture);
        Record(run, "limit: raw loopback TCP stream", total / await Peers.TcpSecondsAsync(total));
        Record(run, "limit: write to the MEM tier's tmpfs directly", total / Peers.WriteFileSeconds(Path.Combine(memDir, "plain-" + tag), data, total));
        File.Delete(Path.Combine(memDir, "plain-" + tag));
        var direct = Path.Combine(ufsDir, "direct-" + tag);
        Record(run, "limit: write to the UFS disk directly", total / Peers.WriteFileSeconds(direct, data, total));
        Record(run, "limit: read the UFS file directly (page-cached)", total / Peers.ReadFileSeconds(direct));
        Record(run, "limit: write to the UFS disk directly + fsync (durable, as the UFS commits)", total / Peers.WriteFileSeconds(direct + "-durable", data, total, durable: true));
        File.Delete(direct + "-durable");

        Record(run, "SDK write MUST_CACHE", total / await WriteSeconds(fs, "/bench/mc-" + tag, WriteType.MustCache));
        // The write targets' limits again, right before the writes they bound: on a shared machine the start-of-run
        // limits can be measured under other conditions than the write a minute later.
        Record(run, TmpfsNext, total / Peers.WriteFileSeconds(Path.Combine(memDir, "plain-next-" + tag), data, total));
        File.Delete(Path.Combine(memDir, "plain-next-" + tag));
        Record(run, "SDK write MUST_CACHE, short-circuit", total / await WriteSeconds(local, "/bench/sc-" + tag, WriteType.MustCache));
        Record(run, "SDK read, cached in MEM", total / await ReadSeconds(fs, "/bench/mc-" + tag, ReadType.Cache));
        Record(run, "SDK read, cached in MEM, 2 blocks at a time", total / await ParallelReadSeconds(fs, "/bench/mc-" + tag, 2));
        Record(run, "SDK read, cached in MEM, short-circuit", total / await ReadSeconds(local, "/bench/mc-" + tag, ReadType.Cache));
        Record(run, "SDK write CACHE_THROUGH", total / await WriteSeconds(fs, "/bench/ct-" + tag, WriteType.CacheThrough));
        Record(run, DurableNext, total / Peers.WriteFileSeconds(direct + "-durable-next", data, total, durable: true));
        File.Delete(direct + "-durable-next");
        Record(run, "SDK write CACHE_THROUGH, short-circuit", total / await WriteSeconds(local, "/bench/cts-" + tag, WriteType.CacheThrough));
        // And right after: this disk's speed moves with what was written before (it drops for minutes after a few
        // GiB), so the write is compared with the durable writes on both sides of it.
        Record(run, DurableAfter, total / Peers.WriteFileSeconds(direct + "-durable-after", data, total, durable: true));
        File.Delete(direct + "-durable-after");
        Record(run, "SDK write THROUGH", total / await WriteSeconds(fs, "/bench/th-" + tag, WriteType.Through));
        Record(run, "SDK read, cold (miss: UFS, caching)", total / await ReadSeconds(fs, "/bench/th-" + tag, ReadType.Cache));
        await Until(async () => (await fs.GetStatusAsync("/bench/th-" + tag)).InAlluxioPercentage == 100);
        Record(run, "SDK re-read, cached", total / await ReadSeconds(fs, "/bench/th-" + tag, ReadType.Cache));
        await fs.FreeAsync("/bench/th-" + tag);
        await Until(async () => (await fs.GetStatusAsync("/bench/th-" + tag)).InAlluxioPercentage == 0);
        var clock = Stopwatch.StartNew();
        Record(run, ColdUfsRead, total / await ReadSeconds(local, "/bench/th-" + tag, ReadType.Cache));
        await Until(async () => (await fs.GetStatusAsync("/bench/th-" + tag)).InAlluxioPercentage == 100);
        Record(run, ColdUfsReadCached, total / clock.Elapsed.TotalSeconds);
        await fs.FreeAsync("/bench/th-" + tag);
        await Until(async () => (await fs.GetStatusAsync("/bench/th-" + tag)).InAlluxioPercentage == 0);
        Record(run, ColdCacheFirst, total / await ReadSeconds(cacheFirst, "/bench/th-" + tag, ReadType.Cache));
        foreach (var path in new[] { "/bench/mc-", "/bench/sc-", "/bench/ct-", "/bench/cts-", "/bench/th-" })
        {
            await fs.DeleteAsync(path + tag);
        }

        File.Delete(direct);
        await Until(async () => (await fs.GetWorkersAsync()).Sum(w => w.Tiers.Sum(t => t.UsedBytes)) == 0); // orphans dropped by the next heartbeat
    }

    if (!args.Contains("--no-rclone"))
    {
        await RcloneAsync(fs);
    }
}

// "vs limit" is the median of the runs' own ratios (each SDK figure over its limit measured in the same run).
Console.WriteLine("| operation | GB/s (median) | runs | vs limit (median of per-run ratios) |");
Console.WriteLine("|---|---:|---|---:|");
foreach (var (name, values) in results)
{
    var limit = name switch
    {
        _ when name.Contains("read", StringComparison.Ordinal) && name.Contains("rclone", StringComparison.Ordinal) => "limit: raw loopback TCP stream",
        "SDK write MUST_CACHE" => "limit: write to the MEM tier's tmpfs directly",
        "SDK write MUST_CACHE, short-circuit" => TmpfsNext,
        "SDK write CACHE_THROUGH" or "SDK write THROUGH" => "limit: write to the UFS disk directly + fsync (durable, as the UFS commits)",
        "SDK write CACHE_THROUGH, short-circuit" => DurableNext,
        "SDK read, cold (miss: UFS, caching)" or "SDK read, cached in MEM, short-circuit" or ColdUfsRead or ColdUfsReadCached or ColdCacheFirst => "limit: read the UFS file directly (page-cached)",
        _ when name.StartsWith("SDK", StringComparison.Ordinal) => "limit: raw loopback TCP stream",
        _ => null,
    };
    var ratio = limit is null ? "" : $"{RatioMedian(name, limit):F2}x";
    if (name is "SDK write MUST_CACHE, short-circuit")
    {
        ratio += $" ({RatioMedian(name, "limit: write to the MEM tier's tmpfs directly"):F2}x of the start-of-run limit)";
    }

    if (name is "SDK write CACHE_THROUGH, short-circuit")
    {
        ratio += $" ({RatioMedian(name, DurableAfter):F2}x of the durable write just after it)";
        ratio += $" ({RatioMedian(name, "limit: write to the UFS disk directly + fsync (durable, as the UFS commits)"):F2}x of the start-of-run durable write)";
    }

    if (name.Contains("THROUGH", StringComparison.Ordinal))
    {
        ratio += $" ({RatioMedian(name, "limit: write to the UFS disk directly"):F2}x of the start-of-run write without fsync)";
    }

    Console.WriteLine($"| {name} | {Median(name) / 1e9:F2} | {string.Join(" ", values.Select(v => (v / 1e9).ToString("F2", CultureInfo.InvariantCulture)))} | {ratio} |");
}

Directory.Delete(root, recursive: true);
if (Directory.Exists(memDir))
{
    Directory.Delete(memDir, recursive: true);
}

async Task RcloneAsync(FileSystem fs)
{
    // The peer: rclone mount of the same UFS folder, re-reading a file it has cached, next to Alluxio re-reading it.
    var source = Path.Combine(ufsDir, "rclone-src");
    Peers.WriteFileSeconds(source, data, total);
    var mount = Path.Combine(root, "rclone-mnt");
    var (rclone, problem) = await Peers.MountRcloneAsync(ufsDir, mount, Path.Combine(root, "rclone-cache"));
    if (rclone is null)
    {
        Console.Error.WriteLine("  rclone skipped: " + problem);
        return;
    }

    try
    {
        Peers.ReadFileSeconds(Path.Combine(mount, "rclone-src")); // fills rclone's cache
        await fs.LoadAsync("/rclone-src");
        for (var run = 0; run < runs; run++)
        {
            Record(run, "rclone mount re-read (vfs-cache-mode full)", total / Peers.ReadFileSeconds(Path.Combine(mount, "rclone-src")));
            Record(run, "SDK re-read of the same file, cached", total / await ReadSeconds(fs, "/rclone-src", ReadType.Cache));
        }
    }
    finally
    {
        await Peers.UnmountRcloneAsync(rclone, mount);
    }
}

void Record(int run, string name, double bytesPerSecond)
{
    if (run < 0)
    {
        return;
    }

    (results.TryGetValue(name, out var list) ? list : results[name] = []).Add(bytesPerSecond);
    Console.Error.WriteLine($"  run {run + 1}: {name} {bytesPerSecond / 1e9:F2} GB/s");
}

double Median(string name) => results.TryGetValue(name, out var values) ? values.Order().ElementAt(values.Count / 2) : double.NaN;

// Every row is recorded once per run, so the lists line up by run.
double RatioMedian(string name, string limit) =>
    results.TryGetValue(name, out var values) && results.TryGetValue(limit, out var limits)
        ? values.Zip(limits, (v, l) => v / l).Order().ElementAt(Math.Min(values.Count, limits.Count) / 2)
        : double.NaN;

async Task<double> WriteSeconds(FileSystem fs, string path, WriteType type)
{
    var clock = Stopwatch.StartNew();
    await using (var stream = await fs.OpenWriteAsync(path, new CreateFileOptions(WriteType: type)))
    {
        for (long offset = 0; offset < total; offset += 1 << 20)
        {
            await stream.WriteAsync(data.AsMemory((int)(offset % data.Length), 1 << 20));
        }
    }

    return clock.Elapsed.TotalSeconds;
}

async Task<double> ReadSeconds(FileSystem fs, string path, ReadType type)
{
    var buffer = new byte[1 << 20];
    var clock = Stopwatch.StartNew();
    await using var stream = await fs.OpenReadAsync(path, new OpenFileOptions(type));
    long read = 0;
    int n;
    while ((n = await stream.ReadAsync(buffer)) > 0)
    {
        read += n;
    }

    if (read != total)
    {
        throw new InvalidOperationException($"{path}: read {read} of {total} bytes");
    }

    return clock.Elapsed.TotalSeconds;
}

async Task<double> ParallelReadSeconds(FileSystem fs, string path, int streams)
{
    var clock = Stopwatch.StartNew();
    await using var stream = await fs.OpenReadAsync(path);
    var blockSize = stream.Status.BlockSizeBytes;
    var next = -1;
    await Task.WhenAll(Enumerable.Range(0, streams).Select(_ => Task.Run(async () =>
    {
        var buffer = new byte[blockSize];
        int block;
        while ((block = Interlocked.Increment(ref next)) * blockSize < total)
        {
            await stream.ReadAtAsync(block * blockSize, buffer.AsMemory(0, (int)Math.Min(blockSize, total - (block * blockSize))));
        }
    })));
    return clock.Elapsed.TotalSeconds;
}

static async Task Until(Func<Task<bool>> condition)
{
    for (var i = 0; i < 600 && !await condition(); i++)
    {
        await Task.Delay(50);
    }
}

int Option(string name, int fallback) => int.TryParse(OptionText(name, ""), out var v) ? v : fallback;

string OptionText(string name, string fallback)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
}

