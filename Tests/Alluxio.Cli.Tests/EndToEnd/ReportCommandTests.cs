using System.Globalization;
using Alluxio.Client;
using Alluxio.Grains.FileSystem;
using Xunit;

namespace Alluxio.Cli.Tests.EndToEnd;

/// <summary>
/// fsadmin report capacity, metrics, ufs and persist, getCapacityBytes and getUsedBytes, and persist's failure path, on
/// a silo of their own: a persist made to fail is retried forever, so it must not share a silo with tests that expect an
/// empty queue.
/// </summary>
public sealed class ReportCommandTests(SiloFixture silo) : IClassFixture<SiloFixture>, IDisposable
{
    private readonly TempDirectory _local = new();

    public void Dispose() => _local.Dispose();

    [Fact]
    public async Task CapacityReportsTheWorkersTiersInAlluxiosLayout()
    {
        var root = SiloFixture.Unique("cap");
        LocalFiles.Write(_local.Sub("a.bin"), 1 << 20, seed: 40);
        (await silo.RunAsync("fs", "copyFromLocal", "--write-type", "MUST_CACHE", _local.Sub("a.bin"), $"{root}/a.bin")).Succeeded();
        using var client = silo.Client();
        var worker = Assert.Single(await Eventually.ReturnsAsync(
            () => client.GetWorkersAsync(), w => w.Count == 1 && w[0].Tiers.Sum(t => t.UsedBytes) > 0, "the worker reports the cached block"));

        var lines = (await silo.RunAsync("fsadmin", "report", "capacity")).Succeeded();

        Assert.Equal("Capacity information for all workers: ", lines[0]);
        Assert.StartsWith("    Total Capacity: ", lines[1], StringComparison.Ordinal);
        Assert.Equal(worker.Tiers.Select(t => $"        Tier: {t.Alias}  Size: {Formatting.Sizes.Human(t.CapacityBytes)}"), lines[2..(2 + worker.Tiers.Count)]);
        Assert.Contains(lines, l => l.StartsWith("    Used Capacity: ", StringComparison.Ordinal) && !l.EndsWith(" 0B", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("    Used Percentage: ", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("    Free Percentage: ", StringComparison.Ordinal));
        var header = Array.FindIndex(lines, l => l.StartsWith("Worker Name", StringComparison.Ordinal));
        Assert.True(header > 0, "no worker table");
        Assert.StartsWith(worker.Host, lines[header + 1], StringComparison.Ordinal);
        Assert.Contains("capacity", lines[header + 1], StringComparison.Ordinal);
        Assert.Contains("used", lines[header + 2], StringComparison.Ordinal);
        Assert.Contains("%)", lines[header + 2], StringComparison.Ordinal);
    }

    [Fact]
    public async Task AFailingPersistIsReportedByPersistAndListedByTheReport()
    {
        using var client = silo.Client();
        await Eventually.ReturnsAsync(() => client.ListPendingPersistsAsync(), p => p.Count == 0, "no persist is pending");
        Assert.Equal(["No files are waiting to be persisted."], (await silo.RunAsync("fsadmin", "report", "persist")).Succeeded());

        // A regular file where the UFS needs the file's parent directory: every persist attempt fails.
        var root = SiloFixture.Unique("pfail");
        LocalFiles.Write(_local.Sub("a.bin"), 1000, seed: 41);
        (await silo.RunAsync("fs", "copyFromLocal", "--write-type", "MUST_CACHE", _local.Sub("a.bin"), $"{root}/d/f")).Succeeded();
        var blocker = silo.UfsPathOf($"{root}/d");
        if (Directory.Exists(blocker))
        {
            Directory.Delete(blocker, recursive: true);
        }

        Directory.CreateDirectory(Path.GetDirectoryName(blocker)!);
        await File.WriteAllTextAsync(blocker, "not a directory");

        var reason = (await silo.RunAsync("fs", "persist", "--timeout", "30s", $"{root}/d/f")).Failed(ExitCodes.Failure);
        Assert.StartsWith($"Failed to persist {root}/d/f: ", reason, StringComparison.Ordinal);
        var status = await client.GetStatusAsync($"{root}/d/f");
        Assert.Equal(PersistenceState.ToBePersisted, status.PersistenceState);

        var lines = (await silo.RunAsync("fsadmin", "report", "persist")).Succeeded();
        Assert.Equal("Files waiting to be persisted: 1", lines[0]);
        Assert.Matches("^Path +Attempts +Next Attempt +Last Error$", lines[1]);
        Assert.Matches($"^{root}/d/f +[1-9][0-9]* +\\d{{4}}-\\d\\d-\\d\\dT[0-9:.]+Z  .+$", lines[2]);
        Assert.EndsWith(status.PersistError, lines[2], StringComparison.Ordinal);

        // Asked again, persist retries at once and fails again with the new attempt's error rather than waiting forever.
        (await silo.RunAsync("fs", "persist", "--timeout", "30s", $"{root}/d/f")).Failed(ExitCodes.Failure);
    }

    [Fact]
    public async Task PersistGivesUpAfterItsTimeout()
    {
        // A file written now is persisted as soon as the persister gets to it; a 1 ms limit expires first.
        var root = SiloFixture.Unique("ptime");
        LocalFiles.Write(_local.Sub("b.bin"), 4 << 20, seed: 42);
        (await silo.RunAsync("fs", "copyFromLocal", "--write-type", "MUST_CACHE", _local.Sub("b.bin"), $"{root}/f")).Succeeded();

        var result = await silo.RunAsync("fs", "persist", "--timeout", "1ms", $"{root}/f");
        if (result.ExitCode == ExitCodes.Unavailable)
        {
            Assert.Matches($"^Timed out after .* waiting for {root}/f to be persisted \\(still TO_BE_PERSISTED\\)\\.$", result.Failed(ExitCodes.Unavailable));
        }
        else
        {
            Assert.Equal([$"persisted file {root}/f with size {4 << 20}"], result.Succeeded()); // the persister won the race
        }
    }

    [Fact]
    public async Task GetCapacityBytesAndGetUsedBytesSumEveryWorkersTiers()
    {
        var root = SiloFixture.Unique("bytes");
        LocalFiles.Write(_local.Sub("c.bin"), 1 << 20, seed: 43);
        (await silo.RunAsync("fs", "copyFromLocal", "--write-type", "MUST_CACHE", _local.Sub("c.bin"), $"{root}/c.bin")).Succeeded();
        using var client = silo.Client();
        var workers = await Eventually.ReturnsAsync(
            () => client.GetWorkersAsync(), w => w.Count == 1 && w[0].Tiers.Sum(t => t.UsedBytes) >= 1 << 20, "the worker reports the cached block");
        var capacity = workers.SelectMany(w => w.Tiers).Sum(t => t.CapacityBytes);

        Assert.Equal([$"Capacity Bytes: {capacity}"], (await silo.RunAsync("fs", "getCapacityBytes")).Succeeded());
        var used = Assert.Single((await silo.RunAsync("fs", "getUsedBytes")).Succeeded());
        Assert.StartsWith("Used Bytes: ", used, StringComparison.Ordinal);
        var usedBytes = long.Parse(used["Used Bytes: ".Length..], CultureInfo.InvariantCulture);
        Assert.InRange(usedBytes, 1 << 20, capacity);

        Assert.Contains("extra", (await silo.RunAsync("fs", "getUsedBytes", "extra")).Failed(ExitCodes.Usage), StringComparison.Ordinal);
    }

    [Fact]
    public async Task UfsReportListsEveryMountWithItsTypeAndCapacity()
    {
        var lines = (await silo.RunAsync("fsadmin", "report", "ufs")).Succeeded();

        Assert.Equal("Alluxio under storage system information:", lines[0]);
        var root = Assert.Single(lines[1..]);
        Assert.StartsWith(new Uri(silo.RootUfs).AbsoluteUri, root, StringComparison.Ordinal);
        Assert.Matches(@"  on  / \(local, capacity=\d+\.\d\d[KMGTP]B, used=[^,]+, not read-only, shared, properties=\{\}\)$", root);
    }

    [Fact]
    public async Task MetricsReportCountsTheWorkAsItHappens()
    {
        using var sdk = silo.Client();
        var before = await MetricsAsync(sdk);

        var root = SiloFixture.Unique("metrics");
        LocalFiles.Write(_local.Sub("m.bin"), 1 << 20, seed: 44);
        (await silo.RunAsync("fs", "copyFromLocal", "--write-type", "THROUGH", _local.Sub("m.bin"), $"{root}/m.bin")).Succeeded();
        (await silo.RunAsync("fs", "cat", "--read-type", "NO_CACHE", $"{root}/m.bin")).Succeeded();
        (await silo.RunAsync("fs", "load", $"{root}/m.bin")).Succeeded();

        // A client that never reads block files directly, so the worker serves (and counts) the cached bytes; then
        // one on the worker's host, which reads the block file itself and reports what it read.
        using (var remote = FileSystem.Connect(silo.Master, new FileSystemClientOptions { ShortCircuit = false }))
        {
            await using var input = await remote.OpenReadAsync($"{root}/m.bin");
            await input.CopyToAsync(Stream.Null);
        }

        await using (var input = await sdk.OpenReadAsync($"{root}/m.bin"))
        {
            await input.CopyToAsync(Stream.Null);
            Assert.Equal("local MEM", input.LastSource);
        }

        // The short-circuit reader's report travels as its lease closes, after the read returns.
        await Alluxio.Testing.TaskTimeouts.UntilAsync(
            async () => (await MetricsAsync(sdk))["Cluster.BytesReadLocal"] - before.GetValueOrDefault("Cluster.BytesReadLocal") >= 1 << 20,
            "the short-circuit read's report to reach the worker");
        var lines = (await silo.RunAsync("fsadmin", "report", "metrics")).Succeeded();
        var after = await MetricsAsync(sdk);


        Assert.All(lines, l => Assert.Matches(@"^[A-Za-z.]+  \(Type: (COUNTER|GAUGE), Value: [0-9.]+[KMGTP]?B?\)$", l));
        Assert.Equal(lines.Order(StringComparer.Ordinal), lines);
        Assert.Contains("Cluster.Workers  (Type: GAUGE, Value: 1)", lines);
        Assert.Contains($"Master.FilesCreated  (Type: COUNTER, Value: {after["Master.FilesCreated"]})", lines);
        Assert.Contains(lines, l => l.StartsWith("Cluster.CapacityTotal  (Type: GAUGE, Value: ", StringComparison.Ordinal));

        long Delta(string name) => after[name] - before.GetValueOrDefault(name);
        Assert.True(Delta("Cluster.BytesWrittenUfsAll") >= 1 << 20, "a THROUGH write counts its UFS bytes");
        Assert.True(Delta("Cluster.BytesReadUfsAll") >= 2 << 20, "a NO_CACHE read (the CLI reads the UFS file itself and reports it) and a load each read the file from the UFS");
        Assert.True(Delta("Cluster.BytesReadLocal") >= 1 << 20, "a short-circuit read of the cached file reports its bytes");
        Assert.True(Delta("Cluster.BytesReadAlluxio") >= 1 << 20, "a read of the cached file counts cache bytes");
        Assert.True(Delta("Master.FilesCreated") >= 1);
        Assert.True(Delta("Master.CreateFileOps") >= Delta("Master.FilesCreated"));
        Assert.True(Delta("Master.GetFileInfoOps") >= 1);
    }

    private static async Task<Dictionary<string, long>> MetricsAsync(FileSystem client) =>
        (await client.GetMetricsAsync()).ToDictionary(m => m.Name, m => m.Value);
}
