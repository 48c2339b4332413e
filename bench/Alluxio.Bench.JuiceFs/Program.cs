using System.Globalization;
using Alluxio.Bench.JuiceFs;
using Alluxio.Client;
using Alluxio.Grains.FileSystem;
using Alluxio.Testing.Processes;

// Usage: Alluxio.Bench.JuiceFs [-p|--threads 1[,2...]] [--runs N] [--big-file-size MiB] [--small-file-size KiB]
//        [--small-file-count N] [--block-size MiB] [--no-must-cache] [--only TARGET] [--mem-dir DIR] [--dir DIR] [--silo-log LEVEL] [--quick]
// juicefs bench's workload (defaults: per thread one 1 GiB file in 1 MiB writes and reads, 100 files of 128 KiB written,
// read and stat'ed) through a live alluxio-silo and the .NET SDK, short-circuit (the client on the worker's host) and over
// gRPC only, in the product's default write type (ASYNC_THROUGH) and MUST_CACHE; next to the same workload on plain files
// of the local disk (the UFS's disk) and of the tmpfs that holds the MEM tier, measured in the same run. Medians of --runs.
var quick = args.Contains("--quick");
var threadCounts = OptionText(["-p", "--threads"], "1").Split(',').Select(t => int.Parse(t, CultureInfo.InvariantCulture)).ToArray();
var runs = Option(["--runs"], quick ? 1 : 3);
var sizes = new Sizes(
    BlockBytes: Option(["--block-size"], 1) << 20,
    BigFileBytes: (long)Option(["--big-file-size"], quick ? 256 : 1024) << 20, // 0: small files only
    SmallFileBytes: Option(["--small-file-size"], 128) << 10,
    SmallFileCount: Option(["--small-file-count"], 100));
var root = OptionText(["--dir"], Path.Combine(Path.GetTempPath(), $"alluxio-bench-juicefs-{Environment.ProcessId}"));
var shm = OptionText(["--mem-dir"], "/dev/shm");
var memDir = Path.Combine(shm, $"alluxio-bench-juicefs-{Environment.ProcessId}");
var plainShm = Path.Combine(shm, $"alluxio-bench-juicefs-plain-{Environment.ProcessId}");
var dataDir = Path.Combine(root, "data");
var maxThreads = threadCounts.Max();
Directory.CreateDirectory(Path.Combine(root, "local"));
Directory.CreateDirectory(plainShm);
Console.WriteLine($"# juicefs bench-style run: {Environment.ProcessorCount} cores, {runs} runs, -p {string.Join(",", threadCounts)}, " +
    $"block {sizes.BlockBytes >> 20} MiB, big file {sizes.BigFileBytes >> 20} MiB, small file {sizes.SmallFileBytes >> 10} KiB x {sizes.SmallFileCount}, " +
    $"MEM tier in {shm}, local disk {root}, .NET {Environment.Version}, {DateTime.Now:yyyy-MM-dd HH:mm}");
Console.WriteLine();

var environment = new Dictionary<string, string>
{
    ["ALLUXIO_Worker__MemoryDirectory"] = memDir,
    ["ALLUXIO_Worker__MemoryBytes"] = ((sizes.BigFileBytes + ((long)sizes.SmallFileBytes * sizes.SmallFileCount)) * maxThreads + (1L << 30)).ToString(CultureInfo.InvariantCulture),
    ["ALLUXIO_Worker__SsdBytes"] = (sizes.BigFileBytes * maxThreads + (1L << 30)).ToString(CultureInfo.InvariantCulture),
    ["ALLUXIO_Logging__LogLevel__Default"] = OptionText(["--silo-log"], "Warning"), // the silo's log level (its tail is printed on a failure)
};
var results = new Dictionary<(int Threads, string Target, string Item), List<Measurement>>();
var failures = new Dictionary<(int Threads, string Target), List<string>>();
var targetNames = new List<string>();
var itemNames = new List<string>();
await using (var silo = SiloProcess.Start(dataDir, environment))
{
    await silo.WaitUntilServingAsync();
    FileSystem Local() => FileSystem.Connect(silo.Address); // short-circuit: this process is on the worker's host (the default)
    FileSystem Remote() => FileSystem.Connect(silo.Address, new FileSystemClientOptions { ShortCircuit = false }); // every byte over gRPC
    var targets = new List<Target>
    {
        new LocalTarget("local disk (plain files)", Path.Combine(root, "local")),
        new LocalTarget("tmpfs (plain files)", plainShm),
        new SdkTarget("SDK short-circuit", Local, WriteType.AsyncThrough),
        new SdkTarget("SDK gRPC only", Remote, WriteType.AsyncThrough),
    };
    if (!args.Contains("--no-must-cache"))
    {
        targets.Add(new SdkTarget("SDK short-circuit, MUST_CACHE", Local, WriteType.MustCache));
        targets.Add(new SdkTarget("SDK gRPC only, MUST_CACHE", Remote, WriteType.MustCache));
    }

    if (OptionText(["--only"], "") is { Length: > 0 } only) // e.g. --only "SDK short-circuit": that target and the plain-file peers
    {
        targets.RemoveAll(t => t is SdkTarget && t.Name != only);
    }

    targetNames.AddRange(targets.Select(t => t.Name));
    var warm = sizes with { BigFileBytes = Math.Min(sizes.BigFileBytes, 64L << 20), SmallFileCount = Math.Min(sizes.SmallFileCount, 20) };
    for (var run = -1; run < runs; run++) // run -1: a small warm-up (JIT, connections, the worker's first blocks)
    {
        foreach (var threads in threadCounts)
        {
            // Rotate the order each run so no target always runs first or right after another's background work.
            var order = targets.Skip(Math.Max(run, 0) % targets.Count).Concat(targets.Take(Math.Max(run, 0) % targets.Count));
            foreach (var target in order)
            {
                var folder = $"jfsbench-{(run < 0 ? "warm" : run.ToString(CultureInfo.InvariantCulture))}-p{threads}-{targets.IndexOf(target)}";
                var measured = new List<Measurement>();
                try
                {
                    await Workload.RunAsync(target, folder, threads, run < 0 ? warm : sizes, measured);
                    await target.RemoveFolderAsync(folder);
                    if (target is SdkTarget { WriteType: WriteType.AsyncThrough } sdk)
                    {
                        measured.Add(new("(ASYNC_THROUGH: pending-persist list empty, s after the stat step)", sdk.LastPersistWaitSeconds, "s", 0, ""));
                    }
                }
                catch (Exception e) when (target is SdkTarget)
                {
                    // Reported in the tables (the run's remaining steps are not measured), then on to the next target.
                    var log = silo.Output;
                    Console.Error.WriteLine($"  run {run + 1} -p {threads} {target.Name} FAILED: {e.Message}{Environment.NewLine}  the silo's last output: {log[Math.Max(0, log.Length - 2000)..]}");
                    (failures.TryGetValue((threads, target.Name), out var list) ? list : failures[(threads, target.Name)] = []).Add(e.GetBaseException().Message);
                    try
                    {
                        await target.RemoveFolderAsync(folder);
                    }
                    catch (Exception cleanup)
                    {
                        Console.Error.WriteLine($"  cleanup after the failure failed too: {cleanup.Message}");
                    }

                    // The steps done before the failure count; the failed step and those after it have no figure this run.
                }

                if (run < 0)
                {
                    continue;
                }

                foreach (var m in measured)
                {
                    (results.TryGetValue((threads, target.Name, m.Item), out var list) ? list : results[(threads, target.Name, m.Item)] = []).Add(m);
                    if (!itemNames.Contains(m.Item))
                    {
                        itemNames.Add(m.Item);
                    }

                    Console.Error.WriteLine($"  run {run + 1} -p {threads} {target.Name}: {m.Item} {m.Value:F1} {m.Unit}, {m.Cost:F2} {m.CostUnit}");
                }
            }
        }
    }
}

foreach (var threads in threadCounts)
{
    Console.WriteLine($"## -p {threads}: medians of {runs} runs (VALUE, COST as juicefs bench prints them)");
    Console.WriteLine();
    Console.WriteLine($"| item | {string.Join(" | ", targetNames)} |");
    Console.WriteLine($"|---|{string.Concat(targetNames.Select(_ => "---:|"))}");
    foreach (var item in itemNames)
    {
        var cells = targetNames.Select(target => Median(threads, target, item) is { } m
            ? m.Unit == "s" ? $"{m.Value:F1} s" : $"{m.Value:F1} {m.Unit}, {m.Cost:F2} {m.CostUnit}"
            : "");
        Console.WriteLine($"| {item} | {string.Join(" | ", cells)} |");
        if (Median(threads, targetNames[0], item) is { BlockMs: not null })
        {
            Console.WriteLine($"| {item}: ms per {sizes.BlockBytes >> 20} MiB I/O (one thread) | {string.Join(" | ", targetNames.Select(target => $"{Median(threads, target, item)?.BlockMs:F2}"))} |");
        }
    }

    Console.WriteLine();
    Console.WriteLine($"-p {threads}: each SDK VALUE against the plain-file peers (x of local disk / x of tmpfs)");
    Console.WriteLine();
    var sdkNames = targetNames.Skip(2).ToList();
    Console.WriteLine($"| item | {string.Join(" | ", sdkNames)} |");
    Console.WriteLine($"|---|{string.Concat(sdkNames.Select(_ => "---:|"))}");
    foreach (var item in itemNames.Where(i => Median(threads, targetNames[0], i) is not null))
    {
        var disk = Median(threads, targetNames[0], item)!.Value;
        var tmpfs = Median(threads, targetNames[1], item)!.Value;
        Console.WriteLine($"| {item} | {string.Join(" | ", sdkNames.Select(target => Median(threads, target, item) is { } m ? $"{m.Value / disk:F2}x / {m.Value / tmpfs:F2}x" : ""))} |");
    }

    Console.WriteLine();
}

foreach (var ((threads, target), messages) in failures)
{
    Console.WriteLine($"FAILED runs (warm-up included), -p {threads}, {target}: {messages.Count}: {string.Join(" | ", messages.Distinct())}");
    Console.WriteLine();
}

Console.WriteLine("Every run's VALUE (spread):");
Console.WriteLine();
Console.WriteLine("| -p | target | item | runs |");
Console.WriteLine("|---|---|---|---|");
foreach (var ((threads, target, item), list) in results)
{
    Console.WriteLine($"| {threads} | {target} | {item} | {string.Join(" ", list.Select(m => m.Value.ToString("F1", CultureInfo.InvariantCulture)))} {list[0].Unit} |");
}

Directory.Delete(root, recursive: true);
Directory.Delete(plainShm, recursive: true);
if (Directory.Exists(memDir))
{
    Directory.Delete(memDir, recursive: true);
}

// The run with the median VALUE (its COST with it: COST is the same wall time divided differently).
Measurement? Median(int threads, string target, string item) =>
    results.TryGetValue((threads, target, item), out var list) ? list.OrderBy(m => m.Value).ElementAt(list.Count / 2) : null;

int Option(string[] names, int fallback) => int.TryParse(OptionText(names, ""), NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v : fallback;

string OptionText(string[] names, string fallback)
{
    foreach (var name in names)
    {
        var i = Array.IndexOf(args, name);
        if (i >= 0 && i + 1 < args.Length)
        {
            return args[i + 1];
        }
    }

    return fallback;
}
