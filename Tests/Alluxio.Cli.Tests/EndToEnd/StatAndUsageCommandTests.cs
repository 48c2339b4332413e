using System.Globalization;
using Alluxio.Cli.Formatting;
using Xunit;

namespace Alluxio.Cli.Tests.EndToEnd;

/// <summary>
/// stat, test, count, du, setReplication and checkConsistency against a real silo (UFS files of known sizes, loaded with
/// a forced sync).
/// </summary>
public sealed class StatAndUsageCommandTests(SiloFixture silo) : IClassFixture<SiloFixture>
{
    /// <summary>root/{a: 100 B, sub/{b: 10240 B, empty/}} written to the UFS and loaded.</summary>
    private async Task<string> TreeAsync(string prefix)
    {
        var root = SiloFixture.Unique(prefix);
        var ufs = silo.UfsPathOf(root);
        Directory.CreateDirectory(Path.Combine(ufs, "sub", "empty"));
        await File.WriteAllBytesAsync(Path.Combine(ufs, "a"), new byte[100]);
        await File.WriteAllBytesAsync(Path.Combine(ufs, "sub", "b"), new byte[10240]);
        var loaded = (await silo.RunAsync("fs", "loadMetadata", "-R", "-F", root)).Succeeded();
        Assert.Single(loaded);
        return root;
    }

    [Fact]
    public async Task StatPrintsTheFileInfo()
    {
        var root = await TreeAsync("stat");
        var lines = (await silo.RunAsync("fs", "stat", $"{root}/a")).Succeeded();
        Assert.Equal($"{root}/a is a file path.", lines[0]);
        Assert.Contains($", path={root}/a, ", lines[1], StringComparison.Ordinal);
        Assert.Contains(", length=100, ", lines[1], StringComparison.Ordinal);
        Assert.Contains(", persistenceState=PERSISTED, ", lines[1], StringComparison.Ordinal);
        Assert.Equal("Containing the following blocks: ", lines[2]);

        var directory = (await silo.RunAsync("fs", "stat", $"{root}/sub")).Succeeded();
        Assert.Equal($"{root}/sub is a directory path.", directory[0]);
        Assert.Equal(2, directory.Length);
    }

    [Fact]
    public async Task StatFormatPrintsSelectedFields()
    {
        var root = await TreeAsync("statf");
        using var client = silo.Client();
        var file = await client.GetStatusAsync($"{root}/sub/b");
        var directory = await client.GetStatusAsync($"{root}/sub");

        var lines = (await silo.RunAsync("fs", "stat", "-f", "%N|%z|%u|%g|%y|%Y|%b", $"{root}/sub/b", $"{root}/sub")).Succeeded();

        Assert.Equal(
        [
            $"b|10240|{file.Owner}|{file.Group}|{Timestamps.StatUtc(file.LastModificationTimeMs)}|{file.LastModificationTimeMs.ToString(CultureInfo.InvariantCulture)}|{file.BlockIds.Count}",
            $"sub|NA|{directory.Owner}|{directory.Group}|{Timestamps.StatUtc(directory.LastModificationTimeMs)}|{directory.LastModificationTimeMs.ToString(CultureInfo.InvariantCulture)}|NA",
        ], lines);
    }

    [Fact]
    public async Task StatOfAMissingPathExitsThree() =>
        (await silo.RunAsync("fs", "stat", "/stat-missing")).Failed(ExitCodes.NotFound);

    [Theory]
    [InlineData("-e", "a", 0)]
    [InlineData("-e", "missing", 1)]
    [InlineData("-d", "sub", 0)]
    [InlineData("-d", "a", 1)]
    [InlineData("-d", "missing", 1)]
    [InlineData("-f", "a", 0)]
    [InlineData("-f", "sub", 1)]
    [InlineData("-s", "a", 0)]
    [InlineData("-s", "sub", 0)]
    [InlineData("-s", "sub/empty", 1)]
    [InlineData("-z", "a", 1)]
    [InlineData("-z", "sub", 1)]
    [InlineData("-z", "zero", 0)]
    [InlineData("-s", "zero", 1)]
    public async Task TestExitsZeroOrOneWithoutOutput(string flag, string relative, int expected)
    {
        var root = await TreeAsync("test");
        (await silo.RunAsync("fs", "touch", $"{root}/zero")).Succeeded();

        var result = await silo.RunAsync("fs", "test", flag, $"{root}/{relative}");

        Assert.Equal(expected, result.ExitCode);
        Assert.Equal(string.Empty, result.Out);
        Assert.Equal(string.Empty, result.Error);
    }

    [Fact]
    public async Task CountCountsFilesFoldersAndBytes()
    {
        var root = await TreeAsync("count");
        Assert.Equal(
            ["File Count               Folder Count             Folder Size", "2                        3                        10340"],
            (await silo.RunAsync("fs", "count", root)).Succeeded());
        Assert.Equal(
            ["File Count               Folder Count             Folder Size", "1                        0                        10.00KB"],
            (await silo.RunAsync("fs", "count", "-h", $"{root}/sub/b")).Succeeded());
        (await silo.RunAsync("fs", "count", $"{root}/missing")).Failed(ExitCodes.NotFound);
    }

    [Fact]
    public async Task DuListsFilesOrSummarizes()
    {
        var root = await TreeAsync("du");
        Assert.Equal(
        [
            "File Size     In Alluxio       Path",
            $"100           0 (0%)           {root}/a",
            $"10240         0 (0%)           {root}/sub/b",
        ], (await silo.RunAsync("fs", "du", root)).Succeeded());
        Assert.Equal(
            ["File Size     In Alluxio       Path", $"10.10KB       0B (0%)          {root}"],
            (await silo.RunAsync("fs", "du", "-s", "-h", root)).Succeeded());
        (await silo.RunAsync("fs", "du", $"{root}/missing")).Failed(ExitCodes.NotFound);
    }

    [Fact]
    public async Task SetReplicationRecordsTheMinimumAndMaximum()
    {
        var root = await TreeAsync("repl");
        Assert.Equal(
            [$"Changed the replication level of {root}/sub", "replicationMax was set to 3", "replicationMin was set to 1"],
            (await silo.RunAsync("fs", "setReplication", "--min", "1", "--max", "3", "-R", $"{root}/sub")).Succeeded());
        using var client = silo.Client();
        var b = await client.GetStatusAsync($"{root}/sub/b");
        Assert.Equal((1, 3), (b.ReplicationMin, b.ReplicationMax));
        Assert.Equal((0, -1), ((await client.GetStatusAsync($"{root}/a")).ReplicationMin, (await client.GetStatusAsync($"{root}/a")).ReplicationMax));

        Assert.Equal([$"Changed the replication level of {root}/sub/b", "replicationMax was set to -1"], (await silo.RunAsync("fs", "setReplication", "--max", "-1", $"{root}/sub/b")).Succeeded());
        b = await client.GetStatusAsync($"{root}/sub/b");
        Assert.Equal((1, -1), (b.ReplicationMin, b.ReplicationMax));

        (await silo.RunAsync("fs", "setReplication", "--min", "1", $"{root}/missing")).Failed(ExitCodes.NotFound);
        Assert.Contains("cannot be greater than --max", (await silo.RunAsync("fs", "setReplication", "--min", "4", "--max", "2", $"{root}/a")).Failed(ExitCodes.Usage), StringComparison.Ordinal);
        Assert.Equal(0, (await client.GetStatusAsync($"{root}/a")).ReplicationMin);
    }

    [Fact]
    public async Task CheckConsistencyListsWhatChangedInTheUfsWithoutChangingIt()
    {
        var root = await TreeAsync("cc");
        Assert.Equal([$"{root} is consistent with the under storage system."], (await silo.RunAsync("fs", "checkConsistency", root)).Succeeded());

        var ufs = silo.UfsPathOf(root);
        await File.WriteAllBytesAsync(Path.Combine(ufs, "a"), new byte[150]);
        Directory.Delete(Path.Combine(ufs, "sub"), recursive: true);

        string[] expected = ["The following files are inconsistent:", $"{root}/a", $"{root}/sub"];
        Assert.Equal(expected, (await silo.RunAsync("fs", "checkConsistency", root)).Succeeded());
        Assert.Equal(expected, (await silo.RunAsync("fs", "checkConsistency", root)).Succeeded());
        using var client = silo.Client();
        Assert.Equal(100, (await client.GetStatusAsync($"{root}/a")).Length);
        Assert.Equal(["The following files are inconsistent:", $"{root}/sub/b"], (await silo.RunAsync("fs", "checkConsistency", $"{root}/sub/b")).Succeeded());

        (await silo.RunAsync("fs", "checkConsistency", $"{root}/missing")).Failed(ExitCodes.NotFound);
        (await silo.RunAsync("fs", "checkConsistency", "relative/path")).Failed(ExitCodes.InvalidArgument);
    }

    [Fact]
    public async Task CheckConsistencyRepairsFromTheUfsWithDashR()
    {
        var root = await TreeAsync("ccr");
        var ufs = silo.UfsPathOf(root);
        await File.WriteAllBytesAsync(Path.Combine(ufs, "a"), new byte[150]);
        Directory.Delete(Path.Combine(ufs, "sub"), recursive: true);

        Assert.Equal(
            [$"{root} has: 2 inconsistent files. Repairing with -r option.", $"{root}/a repaired", $"{root}/sub repaired"],
            (await silo.RunAsync("fs", "checkConsistency", "-r", root)).Succeeded());

        using var client = silo.Client();
        Assert.Equal(150, (await client.GetStatusAsync($"{root}/a")).Length);
        Assert.False(await client.ExistsAsync($"{root}/sub"));
        Assert.Equal([$"{root} is consistent with the under storage system."], (await silo.RunAsync("fs", "checkConsistency", root)).Succeeded());
    }

    [Fact]
    public async Task CheckConsistencyCannotRepairAPathNotPersistedThatTheUfsHas()
    {
        var root = SiloFixture.Unique("ccnp");
        var local = Path.Combine(silo.Scratch("ccnp"), "f");
        Directory.CreateDirectory(Path.GetDirectoryName(local)!);
        await File.WriteAllBytesAsync(local, new byte[10]);
        (await silo.RunAsync("fs", "mkdir", root)).Succeeded();
        (await silo.RunAsync("fs", "copyFromLocal", "--write-type", "MUST_CACHE", local, $"{root}/f")).Succeeded();
        await File.WriteAllBytesAsync(silo.UfsPathOf($"{root}/f"), new byte[20]);

        var result = await silo.RunAsync("fs", "checkConsistency", "-r", root);

        Assert.Equal(ExitCodes.Failure, result.ExitCode);
        Assert.Equal([$"{root} has: 1 inconsistent files. Repairing with -r option."], result.Lines);
        var error = Assert.Single(result.ErrorLines);
        Assert.Equal($"alluxio: 1 inconsistent path(s) could not be repaired (not persisted: the UFS copy is not theirs): {root}/f", error);
        using var client = silo.Client();
        Assert.Equal(10, (await client.GetStatusAsync($"{root}/f")).Length);
    }
}
