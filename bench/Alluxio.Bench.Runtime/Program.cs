using System.Globalization;
using Alluxio.Bench.Runtime;
using Alluxio.Runtime;
using Alluxio.Runtime.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

// Usage: alluxio-bench-runtime [grains|state|all|crc] [--quick] [--runs N] [--seconds S] [--dir PATH]
var what = args.FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal)) ?? "all";
var quick = args.Contains("--quick");
var runs = Option("--runs", quick ? 3 : 5);
var seconds = Option("--seconds", quick ? 2 : 5);
var dir = OptionText("--dir", Path.Combine(Path.GetTempPath(), "alluxio-bench-" + Environment.ProcessId));
var duration = TimeSpan.FromSeconds(seconds);
if (what == "crc")
{
    // CPU-only: no silo, no directory.
    Console.WriteLine($"# CRC-32C: {runs} runs of 1 GiB each, .NET {Environment.Version}");
    Console.WriteLine();
    Crc32CBenchmark.Run(runs);
    return;
}

Directory.CreateDirectory(dir);

var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
builder.Logging.SetMinimumLevel(LogLevel.Warning);
builder.UseGrainRuntime(silo =>
{
    silo.UseLocalhostClustering();
    silo.AddRocksDbGrainStorageAsDefault(o => o.Path = Path.Combine(dir, "grain-state"));
});
using var host = builder.Build();
await host.StartAsync();
var factory = host.Services.GetRequiredService<IGrainFactory>();

Console.WriteLine($"# runtime benchmarks: {Environment.ProcessorCount} cores, {runs} runs x {seconds} s, .NET {Environment.Version}");
Console.WriteLine();
if (what is "grains" or "all")
{
    var results = new List<(double Rate, double P50, double P99, double Bytes, int Gen0)>();
    await GrainCallBenchmark.RunAsync(factory, 1000, 64, TimeSpan.FromSeconds(1)); // warm-up
    for (var i = 0; i < runs; i++)
    {
        results.Add(await GrainCallBenchmark.RunAsync(factory, 1000, 64, duration));
        Console.Error.WriteLine($"  grain calls run {i + 1}: {results[^1].Rate:N0}/s, {results[^1].Bytes:N0} B/call, {results[^1].Gen0} gen0 GCs");
    }

    Console.WriteLine("| in-silo grain calls (1,000 grains, 64 callers) | median of runs |");
    Console.WriteLine("|---|---|");
    Console.WriteLine($"| calls/s | {Stats.Median(results.Select(r => r.Rate)):N0} |");
    Console.WriteLine($"| p50 latency | {Stats.Median(results.Select(r => r.P50)):N1} µs |");
    Console.WriteLine($"| p99 latency | {Stats.Median(results.Select(r => r.P99)):N1} µs |");
    Console.WriteLine($"| allocated per call | {Stats.Median(results.Select(r => r.Bytes)):N0} B |");
    Console.WriteLine();
}

if (what is "state" or "all")
{
    var grain = new List<double>();
    var single = new List<double>();
    var batched = new List<double>();
    for (var i = 0; i < runs; i++)
    {
        grain.Add(await StateWriteBenchmark.GrainWritesPerSecond(factory, 64, duration));
        single.Add(StateWriteBenchmark.RawSyncedPutsPerSecond(Path.Combine(dir, $"raw-single-{i}"), 1, duration));
        batched.Add(StateWriteBenchmark.RawSyncedPutsPerSecond(Path.Combine(dir, $"raw-batch-{i}"), 64, duration));
        Console.Error.WriteLine($"  state run {i + 1}: grains {grain[^1]:N0}/s, raw single {single[^1]:N0}/s, raw batch-64 {batched[^1]:N0}/s");
    }

    Console.WriteLine("| durable (fsync'd) writes | writes/s (median) | ratio to raw single |");
    Console.WriteLine("|---|---|---|");
    var baseline = Stats.Median(single);
    Console.WriteLine($"| raw RocksDB synced put, one per fsync, 1 thread | {baseline:N0} | 1.0x |");
    Console.WriteLine($"| raw RocksDB synced WriteBatch of 64, 1 thread | {Stats.Median(batched):N0} | {Stats.Median(batched) / baseline:N1}x |");
    Console.WriteLine($"| grain state via RocksDB provider, 64 concurrent grains (group commit) | {Stats.Median(grain):N0} | {Stats.Median(grain) / baseline:N1}x |");
    Console.WriteLine();
}

await host.StopAsync();
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
