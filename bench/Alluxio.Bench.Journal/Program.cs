using System.Globalization;
using Alluxio.Bench.Journal;

// Usage: alluxio-bench-journal [--quick] [--runs N] [--seconds S] [--dir PATH]
// Durable (fsync'd) appends of 200-byte records in batches of 1, 16, 64 and 256; median of several runs.
var quick = args.Contains("--quick");
var runs = Option("--runs", quick ? 3 : 5);
var seconds = double.Parse(OptionText("--seconds", quick ? "1" : "3"), CultureInfo.InvariantCulture);
var root = OptionText("--dir", Path.Combine(Path.GetTempPath(), "alluxio-bench-journal-" + Environment.ProcessId));
const int RecordSize = 200;
int[] batchSizes = [1, 16, 64, 256];
var duration = TimeSpan.FromSeconds(seconds);
Directory.CreateDirectory(root);
var runId = 0;

Console.WriteLine($"# journal log benchmark: {Environment.ProcessorCount} cores, {runs} runs x {seconds} s, {RecordSize}-byte records, .NET {Environment.Version}, dir {root}");
Console.WriteLine();

AppendBenchmark.Run(NextDirectory(), 16, RecordSize, fsync: true, TimeSpan.FromSeconds(0.5)); // warm-up (JIT)

// The device's fsync rate drifts (shared disks), so every journal run is paired with a raw write+fsync run just before
// it, and the table reports the median ratio of those pairs next to the medians.
Console.WriteLine("| durable appends (fsync per Append) | records/s | fsyncs/s | MB/s of records | raw write+fsync/s (paired runs) | fsyncs/s vs raw |");
Console.WriteLine("|---|---|---|---|---|---|");
foreach (var batchSize in batchSizes)
{
    var results = Enumerable.Range(0, runs).Select(i =>
    {
        var raw = AppendBenchmark.RawFsyncsPerSecond(NextDirectory(), RecordSize, duration);
        var (records, appends) = AppendBenchmark.Run(NextDirectory(), batchSize, RecordSize, fsync: true, duration);
        Console.Error.WriteLine($"  batch {batchSize} run {i + 1}: {records:N0} records/s, {appends:N0} fsyncs/s; raw {raw:N0} fsyncs/s");
        return (Records: records, Appends: appends, Raw: raw);
    }).ToList();
    var recordsPerSecond = Stats.Median(results.Select(r => r.Records));
    Console.WriteLine($"| batch of {batchSize} | {recordsPerSecond:N0} | {Stats.Median(results.Select(r => r.Appends)):N0} | {recordsPerSecond * RecordSize / 1e6:N2} | " +
        $"{Stats.Median(results.Select(r => r.Raw)):N0} | {Stats.Median(results.Select(r => r.Appends / r.Raw)):N2}x |");
}

var unsafeRecords = Median(_ => AppendBenchmark.Run(NextDirectory(), 256, RecordSize, fsync: false, duration).RecordsPerSecond);
Console.WriteLine($"| batch of 256, FsyncEnabled = false (UNSAFE; CPU and page-cache ceiling) | {unsafeRecords:N0} | 0 | {unsafeRecords * RecordSize / 1e6:N2} | - | - |");
Console.WriteLine();

Directory.Delete(root, recursive: true);

double Median(Func<int, double> run) => Stats.Median(Enumerable.Range(0, runs).Select(run).ToList());

string NextDirectory() => Path.Combine(root, (runId++).ToString(CultureInfo.InvariantCulture));

int Option(string name, int fallback) => int.Parse(OptionText(name, fallback.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture);

string OptionText(string name, string fallback)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
}
