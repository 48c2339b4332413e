using System.Globalization;
using Alluxio.Bench.Metadata;
using Alluxio.Client;
using Alluxio.Testing.Processes;

// Usage: Alluxio.Bench.Metadata [ops|inproc|scale|all] [--quick] [--runs N] [--callers N] [--files N] [--scale-files N] [--dir PATH]
//        [--only createFile,getStatus,listStatus,rename,delete,noop] [--gc-trace]
using var gcListener = args.Contains("--gc-trace") ? new GcListener() : null;
var what = args.FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal)) ?? "all";
var quick = args.Contains("--quick");
var runs = Option("--runs", quick ? 2 : 5);
var callers = Option("--callers", 32);
var files = Option("--files", quick ? 5_000 : 20_000);
var scaleFiles = Option("--scale-files", quick ? 100_000 : 1_000_000);
var duration = TimeSpan.FromSeconds(quick ? 2 : 5);
var only = OptionText("--only", "").Split(',', StringSplitOptions.RemoveEmptyEntries).ToHashSet();
var dir = OptionText("--dir", Path.Combine(Path.GetTempPath(), "alluxio-bench-metadata-" + Environment.ProcessId));
Directory.CreateDirectory(dir);
Console.WriteLine($"# metadata benchmarks: {Environment.ProcessorCount} cores, {runs} runs, {callers} callers, {files:N0} files per op, .NET {Environment.Version}");
Console.WriteLine();

if (what is "ops" or "all")
{
    await using var silo = SiloProcess.Start(Path.Combine(dir, "ops"));
    await silo.WaitUntilServingAsync();
    using var fs = FileSystem.Connect(silo.Address);
    var bench = new OperationsBenchmark(fs, silo.Address, callers, files, duration, only);
    // Warm-up: the JIT reaches its final code only after tens of seconds of load on two busy cores.
    for (var w = 1; w <= (quick ? 1 : 3); w++)
    {
        await bench.RunAsync(-w);
    }
    var all = new List<Dictionary<string, double>>();
    for (var r = 0; r < runs; r++)
    {
        var (g0, g1, g2, pause, clock) = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2), GC.GetTotalPauseDuration(), System.Diagnostics.Stopwatch.StartNew());
        all.Add(await bench.RunAsync(r));
        gcListener?.Report();
        Console.Error.WriteLine($"  client GCs: gen0 {GC.CollectionCount(0) - g0}, gen1 {GC.CollectionCount(1) - g1}, gen2 {GC.CollectionCount(2) - g2}, paused {(GC.GetTotalPauseDuration() - pause) / clock.Elapsed:P1}");
        Console.Error.WriteLine("  run " + (r + 1) + ": " + string.Join(", ", all[^1].Select(kv => $"{kv.Key} {kv.Value:N0}/s")));
    }

    var floor = all[0].ContainsKey("gRPC no-op (health check)") ? Stats.Median(all.Select(a => a["gRPC no-op (health check)"])) : double.NaN;
    Console.WriteLine($"| {callers} callers, SDK over gRPC, durable journal | ops/s (median) | vs gRPC no-op | target |");
    Console.WriteLine("|---|---|---|---|");
    var targets = new Dictionary<string, string>
    {
        ["getStatus"] = "≥ 60,000",
        ["listStatus (1,000 entries)"] = "≥ 2,000",
        ["createFile"] = "≥ 10,000",
        ["delete"] = "≥ 10,000",
        ["rename"] = "≥ 5,000",
        ["gRPC no-op (health check)"] = "(transport floor)",
    };
    foreach (var key in targets.Keys.Where(all[0].ContainsKey))
    {
        var median = Stats.Median(all.Select(a => a[key]));
        Console.WriteLine($"| {key} | {median:N0} | {median / floor:P0} | {targets[key]} |");
    }

    Console.WriteLine();
    await silo.StopAsync();
}

if (what is "inproc" or "all")
{
    var all = new List<Dictionary<string, double>>();
    for (var r = 0; r < runs; r++)
    {
        all.Add(await InProcessBenchmark.RunAsync(Path.Combine(dir, $"inproc{r}"), callers, files, duration, fsync: !args.Contains("--no-fsync")));
        Console.Error.WriteLine("  in-process run " + (r + 1) + ": " + string.Join(", ", all[^1].Select(kv => $"{kv.Key} {kv.Value:N0}/s")));
    }

    Console.WriteLine($"| {callers} callers, grain calls inside the silo (no gRPC) | ops/s (median) |");
    Console.WriteLine("|---|---|");
    foreach (var key in all[0].Keys)
    {
        Console.WriteLine($"| {key} | {Stats.Median(all.Select(a => a[key])):N0} |");
    }

    Console.WriteLine();
}

if (what is "scale" or "all")
{
    var scaleDir = Path.Combine(dir, "scale");
    var (directoryId, populate) = await NamespaceScaleBenchmark.PopulateAsync(scaleDir, Path.Combine(scaleDir, "underfs"), scaleFiles);
    Console.Error.WriteLine($"  populated {scaleFiles:N0} files in {populate:N1} s");
    var restarts = new List<double>();
    for (var r = 0; r < Math.Min(runs, 3); r++)
    {
        restarts.Add(await NamespaceScaleBenchmark.RestartSecondsAsync(scaleDir, scaleFiles));
        Console.Error.WriteLine($"  restart {r + 1}: {restarts[^1]:N2} s");
    }

    var onDisk = NamespaceScaleBenchmark.BytesPerInodeOnDisk(scaleDir, scaleFiles + 2);
    var inMemory = NamespaceScaleBenchmark.BytesPerCachedInode(scaleDir, directoryId, Math.Min(scaleFiles, 200_000));
    Console.WriteLine($"| namespace of {scaleFiles:N0} files | value | target |");
    Console.WriteLine("|---|---|---|");
    Console.WriteLine($"| restart until a getStatus is served (median of {restarts.Count}) | {Stats.Median(restarts):N2} s | ≤ 10 s for 1,000,000 |");
    Console.WriteLine($"| bytes per inode on disk (inode + edge, compacted SSTs) | {onDisk:N0} B | |");
    Console.WriteLine($"| managed heap per cached inode | {inMemory:N0} B | |");
    Console.WriteLine();
}

Directory.Delete(dir, recursive: true);

int Option(string name, int fallback)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
}

string OptionText(string name, string fallback)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
}
