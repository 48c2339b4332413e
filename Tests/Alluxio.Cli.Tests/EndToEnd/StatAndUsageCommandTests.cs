using System.Globalization;
using Alluxio.Cli.Formatting;
using Xunit;

namespace Alluxio.Cli.Tests.EndToEnd;

/// <summary>stat, test, count, du against a real silo (UFS files of known sizes, loaded with a forced sync).</summary>
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
}
