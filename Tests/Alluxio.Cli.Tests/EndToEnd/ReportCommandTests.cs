using Alluxio.Grains.FileSystem;
using Xunit;

namespace Alluxio.Cli.Tests.EndToEnd;

/// <summary>
/// fsadmin report capacity and persist, and persist's failure path, on a silo of their own: a persist made to fail is
/// retried forever, so it must not share a silo with tests that expect an empty queue.
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
}
