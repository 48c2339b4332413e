using System.Text.RegularExpressions;
using Alluxio.Cli.Formatting;
using Xunit;

namespace Alluxio.Cli.Tests.EndToEnd;

/// <summary>mkdir, touch, ls, rm, mv against a real silo.</summary>
public sealed class NamespaceCommandTests(SiloFixture silo) : IClassFixture<SiloFixture>
{
    [Fact]
    public async Task MkdirCreatesParentsAndRefusesAnExistingPath()
    {
        var root = SiloFixture.Unique("mkdir");
        var lines = (await silo.RunAsync("fs", "mkdir", $"{root}/a/b/c", $"{root}/x")).Succeeded();
        Assert.Equal([$"Successfully created directory {root}/a/b/c", $"Successfully created directory {root}/x"], lines);
        Assert.Equal(ExitCodes.Success, (await silo.RunAsync("fs", "test", "-d", $"{root}/a/b")).ExitCode);
        Assert.True(Directory.Exists(silo.UfsPathOf($"{root}/a/b/c")), "mkdir (ASYNC_THROUGH) persists directories to the UFS");

        var reason = (await silo.RunAsync("fs", "mkdir", $"{root}/a")).Failed(ExitCodes.AlreadyExists);
        Assert.Contains($"{root}/a", reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TouchCreatesAnEmptyPersistedFile()
    {
        var root = SiloFixture.Unique("touch");
        Assert.Equal([$"{root}/new/f has been created"], (await silo.RunAsync("fs", "touch", $"{root}/new/f")).Succeeded());
        using var client = silo.Client();
        var status = await client.GetStatusAsync($"{root}/new/f");
        Assert.True(status.Completed);
        Assert.Equal(0, status.Length);
        Assert.True(status.Persisted);
        Assert.True(File.Exists(silo.UfsPathOf($"{root}/new/f")));

        (await silo.RunAsync("fs", "touch", $"{root}/new/f")).Failed(ExitCodes.AlreadyExists);
    }

    [Fact]
    public async Task LsPrintsAlluxiosLineForEveryEntry()
    {
        var root = SiloFixture.Unique("ls");
        (await silo.RunAsync("fs", "mkdir", $"{root}/dir")).Succeeded();
        (await silo.RunAsync("fs", "touch", $"{root}/file")).Succeeded();

        var lines = (await silo.RunAsync("fs", "ls", root)).Succeeded();

        Assert.Equal(2, lines.Length);
        var user = Regex.Escape(Environment.UserName);
        Assert.Matches($@"^drwxr-xr-x {user} +\S+ +\d+ +PERSISTED \d\d-\d\d-\d{{4}} \d\d:\d\d:\d\d:\d{{3}}  DIR {Regex.Escape(root)}/dir$", lines[0]);
        Assert.Matches($@"^-rw-r--r-- {user} +\S+ +0 +PERSISTED \d\d-\d\d-\d{{4}} \d\d:\d\d:\d\d:\d{{3}} 100% {Regex.Escape(root)}/file$", lines[1]);

        using var client = silo.Client();
        var file = await client.GetStatusAsync($"{root}/file");
        Assert.Equal(LsFormatter.Line(file, false, LsField.LastModificationTime, TimeZoneInfo.Local), lines[1]);
    }

    [Fact]
    public async Task LsRecursiveDirectorySortAndReverse()
    {
        var root = SiloFixture.Unique("lsr");
        (await silo.RunAsync("fs", "mkdir", $"{root}/b/inner")).Succeeded();
        (await silo.RunAsync("fs", "touch", $"{root}/a", $"{root}/b/inner/deep", $"{root}/c")).Succeeded();

        var recursive = Paths((await silo.RunAsync("fs", "ls", "-R", root)).Succeeded());
        Assert.Equal([$"{root}/a", $"{root}/b", $"{root}/c", $"{root}/b/inner", $"{root}/b/inner/deep"], recursive);

        var sorted = Paths((await silo.RunAsync("fs", "ls", "-R", "--sort", "path", "-r", root)).Succeeded());
        Assert.Equal([$"{root}/c", $"{root}/b/inner/deep", $"{root}/b/inner", $"{root}/b", $"{root}/a"], sorted);

        Assert.Equal([$"{root}/c", $"{root}/b", $"{root}/a"], Paths((await silo.RunAsync("fs", "ls", "-r", root)).Succeeded()));

        var itself = (await silo.RunAsync("fs", "ls", "-d", root)).Succeeded();
        Assert.Equal([root], Paths(itself));
        Assert.Contains("  DIR ", itself[0], StringComparison.Ordinal);

        Assert.Equal([$"{root}/a"], Paths((await silo.RunAsync("fs", "ls", $"{root}/a")).Succeeded()));
        Assert.Empty((await silo.RunAsync("fs", "ls", "-p", root)).Succeeded());
    }

    [Fact]
    public async Task LsHumanSizesAndSortBySize()
    {
        var root = SiloFixture.Unique("lsh");
        Directory.CreateDirectory(silo.UfsPathOf(root));
        await File.WriteAllBytesAsync(Path.Combine(silo.UfsPathOf(root), "big"), new byte[10240]);
        await File.WriteAllBytesAsync(Path.Combine(silo.UfsPathOf(root), "small"), new byte[10]);

        var lines = (await silo.RunAsync("fs", "ls", "-f", "-h", "--sort", "size", root)).Succeeded();

        Assert.Equal([$"{root}/small", $"{root}/big"], Paths(lines));
        Assert.Contains("            10B       PERSISTED", lines[0], StringComparison.Ordinal);
        Assert.Contains("        10.00KB       PERSISTED", lines[1], StringComparison.Ordinal);
        Assert.Contains("   0% ", lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task LsForceSyncShowsWhatChangedInTheUfs()
    {
        var root = SiloFixture.Unique("lsf");
        (await silo.RunAsync("fs", "mkdir", root)).Succeeded();
        Assert.Empty((await silo.RunAsync("fs", "ls", root)).Succeeded());
        await File.WriteAllTextAsync(Path.Combine(silo.UfsPathOf(root), "appeared"), "hello");

        Assert.Empty((await silo.RunAsync("fs", "ls", root)).Succeeded());
        Assert.Equal([$"{root}/appeared"], Paths((await silo.RunAsync("fs", "ls", "-f", root)).Succeeded()));
    }

    [Fact]
    public async Task LsOfAMissingPathExitsThree()
    {
        var reason = (await silo.RunAsync("fs", "ls", "/no/such/path")).Failed(ExitCodes.NotFound);
        Assert.Contains("/no/such/path", reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RmNeedsRecursiveForANonEmptyDirectory()
    {
        var root = SiloFixture.Unique("rm");
        (await silo.RunAsync("fs", "touch", $"{root}/d/f")).Succeeded();

        var reason = (await silo.RunAsync("fs", "rm", $"{root}/d")).Failed(ExitCodes.FailedPrecondition);
        Assert.Contains($"{root}/d", reason, StringComparison.Ordinal);
        Assert.True(File.Exists(silo.UfsPathOf($"{root}/d/f")));

        Assert.Equal([$"{root}/d has been removed"], (await silo.RunAsync("fs", "rm", "-R", $"{root}/d")).Succeeded());
        Assert.Equal(ExitCodes.Failure, (await silo.RunAsync("fs", "test", "-e", $"{root}/d")).ExitCode);
        Assert.False(Directory.Exists(silo.UfsPathOf($"{root}/d")));

        (await silo.RunAsync("fs", "rm", $"{root}/d")).Failed(ExitCodes.NotFound);
    }

    [Fact]
    public async Task RmAlluxioOnlyLeavesTheUfsData()
    {
        var root = SiloFixture.Unique("rmao");
        (await silo.RunAsync("fs", "touch", $"{root}/f")).Succeeded();

        (await silo.RunAsync("fs", "rm", "--alluxioOnly", $"{root}/f")).Succeeded();

        Assert.True(File.Exists(silo.UfsPathOf($"{root}/f")));
        Assert.Equal([$"{root}/f"], Paths((await silo.RunAsync("fs", "ls", "-f", root)).Succeeded()));
    }

    [Fact]
    public async Task MvRenamesAndMovesIntoAnExistingDirectory()
    {
        var root = SiloFixture.Unique("mv");
        (await silo.RunAsync("fs", "mkdir", $"{root}/dir")).Succeeded();
        (await silo.RunAsync("fs", "touch", $"{root}/a")).Succeeded();

        Assert.Equal([$"Renamed {root}/a to {root}/b"], (await silo.RunAsync("fs", "mv", $"{root}/a", $"{root}/b")).Succeeded());
        Assert.Equal([$"Renamed {root}/b to {root}/dir/b"], (await silo.RunAsync("fs", "mv", $"{root}/b", $"{root}/dir")).Succeeded());
        Assert.Equal([$"{root}/dir/b"], Paths((await silo.RunAsync("fs", "ls", $"{root}/dir")).Succeeded()));
        Assert.True(File.Exists(silo.UfsPathOf($"{root}/dir/b")));

        (await silo.RunAsync("fs", "mv", $"{root}/missing", $"{root}/other")).Failed(ExitCodes.NotFound);
        (await silo.RunAsync("fs", "touch", $"{root}/c")).Succeeded();
        (await silo.RunAsync("fs", "mv", $"{root}/c", $"{root}/dir/b")).Failed(ExitCodes.AlreadyExists);
    }

    [Fact]
    public async Task DistributedMvIsMv()
    {
        var root = SiloFixture.Unique("dmv");
        (await silo.RunAsync("fs", "mkdir", $"{root}/dir")).Succeeded();
        (await silo.RunAsync("fs", "touch", $"{root}/a")).Succeeded();

        Assert.Equal([$"Renamed {root}/a to {root}/dir/a"], (await silo.RunAsync("fs", "distributedMv", $"{root}/a", $"{root}/dir")).Succeeded());
        Assert.Equal([$"{root}/dir/a"], Paths((await silo.RunAsync("fs", "ls", $"{root}/dir")).Succeeded()));

        (await silo.RunAsync("fs", "distributedMv", $"{root}/missing", $"{root}/other")).Failed(ExitCodes.NotFound);
    }

    [Fact]
    public async Task MultiplePathsStopAtTheFirstError()
    {
        var root = SiloFixture.Unique("multi");
        var result = await silo.RunAsync("fs", "mkdir", $"{root}/one", $"{root}/one", $"{root}/three");
        Assert.Equal(ExitCodes.AlreadyExists, result.ExitCode);
        Assert.Equal([$"Successfully created directory {root}/one"], result.Lines);
        Assert.Single(result.ErrorLines);
        Assert.Equal(ExitCodes.Failure, (await silo.RunAsync("fs", "test", "-e", $"{root}/three")).ExitCode);
    }

    private static string[] Paths(string[] lsLines) => [.. lsLines.Select(l => l[(l.LastIndexOf(' ') + 1)..])];
}
