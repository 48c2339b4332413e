using System.Globalization;
using System.Text.RegularExpressions;
using Alluxio.Testing.Processes;
using Xunit;

namespace Alluxio.Cli.Tests.EndToEnd;

/// <summary>leader, masterInfo, fsadmin pathConf, journal, backup and restore against a real silo.</summary>
public sealed class AdminCommandTests(SiloFixture silo) : IClassFixture<SiloFixture>
{
    private const string SyncInterval = "alluxio.user.file.metadata.sync.interval";

    [Fact]
    public async Task LeaderAndMasterInfoDescribeTheSilo()
    {
        var info = (await silo.RunAsync("fs", "masterInfo")).Succeeded();
        var leader = Regex.Match(info[0], @"^Current leader master: (.+):(\d+)$");
        Assert.True(leader.Success, info[0]);
        Assert.Equal(silo.Silo.Port.ToString(CultureInfo.InvariantCulture), leader.Groups[2].Value);
        Assert.Equal($"All masters: [{leader.Groups[1].Value}:{silo.Silo.Port}]", info[1]);
        Assert.Contains($"RPC port: {silo.Silo.Port}", info);
        Assert.Contains($"Web port: {silo.Silo.WebPort}", info);

        Assert.Equal([leader.Groups[1].Value], (await silo.RunAsync("fs", "leader")).Succeeded());
    }

    [Fact]
    public async Task PathConfAddShowListRemove()
    {
        var root = SiloFixture.Unique("pconf");
        (await silo.RunAsync("fs", "mkdir", $"{root}/child")).Succeeded();

        Assert.Empty((await silo.RunAsync("fsadmin", "pathConf", "add", "--property", $"{SyncInterval}=10s", root)).Succeeded());
        Assert.Contains(root, (await silo.RunAsync("fsadmin", "pathConf", "list")).Succeeded());
        Assert.Equal([$"{SyncInterval}=10s"], (await silo.RunAsync("fsadmin", "pathConf", "show", root)).Succeeded());
        Assert.Empty((await silo.RunAsync("fsadmin", "pathConf", "show", $"{root}/child")).Succeeded());
        Assert.Equal([$"{SyncInterval}=10s"], (await silo.RunAsync("fsadmin", "pathConf", "show", "--all", $"{root}/child")).Succeeded());

        Assert.Empty((await silo.RunAsync("fsadmin", "pathConf", "remove", "--keys", SyncInterval, root)).Succeeded());
        Assert.DoesNotContain(root, (await silo.RunAsync("fsadmin", "pathConf", "list")).Succeeded());
        Assert.Empty((await silo.RunAsync("fsadmin", "pathConf", "show", root)).Succeeded());
    }

    [Fact]
    public async Task PathConfSyncIntervalZeroMakesUfsChangesVisible()
    {
        var root = SiloFixture.Unique("pzero");
        (await silo.RunAsync("fs", "mkdir", root)).Succeeded();
        Assert.Empty((await silo.RunAsync("fs", "ls", root)).Succeeded());
        await File.WriteAllTextAsync(Path.Combine(silo.UfsPathOf(root), "late"), "x");
        Assert.Empty((await silo.RunAsync("fs", "ls", root)).Succeeded());

        (await silo.RunAsync("fsadmin", "pathConf", "add", "--property", $"{SyncInterval}=0", root)).Succeeded();

        Assert.Single((await silo.RunAsync("fs", "ls", root)).Succeeded(), l => l.EndsWith($" {root}/late", StringComparison.Ordinal));
        (await silo.RunAsync("fsadmin", "pathConf", "remove", root)).Succeeded();
    }

    [Fact]
    public async Task PathConfErrors()
    {
        (await silo.RunAsync("fsadmin", "pathConf", "add", "--property", "alluxio.user.unknown=1", "/")).Failed(ExitCodes.InvalidArgument);
        (await silo.RunAsync("fsadmin", "pathConf", "add", "--property", $"{SyncInterval}=soon", "/")).Failed(ExitCodes.InvalidArgument);
        (await silo.RunAsAsync("alice", "fsadmin", "pathConf", "add", "--property", $"{SyncInterval}=1s", "/")).Failed(ExitCodes.PermissionDenied);
    }

    [Fact]
    public async Task JournalCheckpointAndInfo()
    {
        (await silo.RunAsync("fs", "mkdir", SiloFixture.Unique("journal"))).Succeeded();

        var line = Assert.Single((await silo.RunAsync("fsadmin", "journal", "checkpoint")).Succeeded());
        var match = Regex.Match(line, $@"^Successfully took a checkpoint on master {Regex.Escape(silo.Master)} at journal sequence (\d+): (.+)$");
        Assert.True(match.Success, line);
        var sequence = long.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        Assert.True(sequence > 0);
        Assert.True(Directory.Exists(match.Groups[2].Value), $"the checkpoint {match.Groups[2].Value} exists");

        var info = (await silo.RunAsync("fsadmin", "journal", "info")).Succeeded();
        Assert.Equal("Journal directory: " + Path.Combine(silo.DataDir, "journal"), info[0]);
        var numbers = info[1..].Select(l => long.Parse(l[(l.LastIndexOf(' ') + 1)..], CultureInfo.InvariantCulture)).ToArray();
        Assert.Equal(["Last sequence", "Applied sequence", "Last checkpoint sequence", "Entries since checkpoint"], info[1..].Select(l => l[..l.IndexOf(':', StringComparison.Ordinal)]));
        Assert.True(numbers[0] >= sequence && numbers[1] >= sequence && numbers[2] >= sequence, string.Join(", ", info));

        (await silo.RunAsAsync("alice", "fsadmin", "journal", "checkpoint")).Failed(ExitCodes.PermissionDenied);
    }

    [Fact]
    public async Task BackupThenRestoreIntoANewDataDirectoryServesTheNamespace()
    {
        var marker = SiloFixture.Unique("backup");
        (await silo.RunAsync("fs", "touch", $"{marker}/kept")).Succeeded();

        var lines = (await silo.RunAsync("fsadmin", "backup", silo.Scratch("backups"))).Succeeded();
        Assert.Equal(3, lines.Length);
        Assert.Equal("Backup Host        : 127.0.0.1", lines[0]);
        Assert.StartsWith("Backup URI         : " + silo.Scratch("backups") + Path.DirectorySeparatorChar, lines[1], StringComparison.Ordinal);
        Assert.Matches(@"^Backup Sequence    : [1-9]\d*$", lines[2]);
        var backup = lines[1]["Backup URI         : ".Length..];
        Assert.True(File.Exists(backup), backup);

        var restoredDir = silo.Scratch("restored");
        var restored = (await Cli.RunAsync("fsadmin", "restore", backup, "--data-dir", restoredDir)).Succeeded();
        Assert.StartsWith($"Restored {backup} into {restoredDir} (journal sequence ", Assert.Single(restored), StringComparison.Ordinal);
        (await Cli.RunAsync("fsadmin", "restore", backup, "--data-dir", restoredDir)).Failed(ExitCodes.FailedPrecondition);

        await using var second = SiloProcess.Start(restoredDir);
        await second.WaitUntilServingAsync(TimeSpan.FromSeconds(90));
        var listing = (await Cli.RunAsync("--master", $"127.0.0.1:{second.Port}", "fs", "ls", marker)).Succeeded();
        Assert.Single(listing, l => l.EndsWith($" {marker}/kept", StringComparison.Ordinal));
    }

    [Fact]
    public async Task BackupIsForSuperusers() =>
        (await silo.RunAsAsync("alice", "fsadmin", "backup")).Failed(ExitCodes.PermissionDenied);
}
