using Xunit;

namespace Alluxio.Cli.Tests.EndToEnd;

/// <summary>chmod, chown, chgrp, getfacl, setfacl against a real silo; "alice" is a user unknown to the host, so no superuser.</summary>
public sealed class PermissionCommandTests(SiloFixture silo) : IClassFixture<SiloFixture>
{
    [Fact]
    public async Task ChmodChangesTheModeRecursively()
    {
        var root = SiloFixture.Unique("chmod");
        (await silo.RunAsync("fs", "touch", $"{root}/d/f")).Succeeded();

        Assert.Equal([$"Changed permission of {root}/d/f to 700"], (await silo.RunAsync("fs", "chmod", "700", $"{root}/d/f")).Succeeded());
        Assert.Equal(["-rwx------"], await ModesAsync($"{root}/d/f"));

        (await silo.RunAsync("fs", "chmod", "-R", "0750", $"{root}/d")).Succeeded();
        using var client = silo.Client();
        Assert.Equal(0x1E8, (await client.GetStatusAsync($"{root}/d")).Mode);
        Assert.Equal(0x1E8, (await client.GetStatusAsync($"{root}/d/f")).Mode);
    }

    [Fact]
    public async Task ChmodByANonOwnerIsDenied()
    {
        var root = SiloFixture.Unique("chmodx");
        (await silo.RunAsync("fs", "touch", $"{root}/f")).Succeeded();

        var reason = (await silo.RunAsAsync("alice", "fs", "chmod", "777", $"{root}/f")).Failed(ExitCodes.PermissionDenied);

        Assert.Contains("alice", reason, StringComparison.Ordinal);
        Assert.Equal(["-rw-r--r--"], await ModesAsync($"{root}/f"));
    }

    [Fact]
    public async Task ChownSetsOwnerAndGroupAndOnlyASuperuserMay()
    {
        var root = SiloFixture.Unique("chown");
        (await silo.RunAsync("fs", "touch", $"{root}/f", $"{root}/g")).Succeeded();

        Assert.Equal([$"Changed owner:group of {root}/f to alice:analysts."], (await silo.RunAsync("fs", "chown", "alice:analysts", $"{root}/f")).Succeeded());
        Assert.Equal([$"Changed owner of {root}/g to bob."], (await silo.RunAsync("fs", "chown", "bob", $"{root}/g")).Succeeded());
        Assert.Equal(["alice:analysts"], (await silo.RunAsync("fs", "stat", "-f", "%u:%g", $"{root}/f")).Succeeded());
        Assert.Equal("bob", (await silo.RunAsync("fs", "stat", "-f", "%u", $"{root}/g")).Succeeded()[0]);

        (await silo.RunAsAsync("alice", "fs", "chown", "alice", $"{root}/g")).Failed(ExitCodes.PermissionDenied);
        (await silo.RunAsync("fs", "chown", "alice", $"{root}/missing")).Failed(ExitCodes.NotFound);
    }

    [Fact]
    public async Task ChgrpByOwnerNeedsMembershipAndSuperuserMayAlways()
    {
        var root = SiloFixture.Unique("chgrp");
        (await silo.RunAsync("fs", "mkdir", $"{root}/d")).Succeeded();
        (await silo.RunAsync("fs", "touch", $"{root}/d/f")).Succeeded();
        (await silo.RunAsync("fs", "chown", "-R", "alice", $"{root}/d")).Succeeded();

        (await silo.RunAsAsync("alice", "fs", "chgrp", "wheel", $"{root}/d/f")).Failed(ExitCodes.PermissionDenied);

        Assert.Equal([$"Changed group of {root}/d to staff"], (await silo.RunAsync("fs", "chgrp", "-R", "staff", $"{root}/d")).Succeeded());
        Assert.Equal(["alice:staff"], (await silo.RunAsync("fs", "stat", "-f", "%u:%g", $"{root}/d/f")).Succeeded());
    }

    [Fact]
    public async Task WritesIntoAnotherUsersDirectoryAreDenied()
    {
        var root = SiloFixture.Unique("deny");
        (await silo.RunAsync("fs", "mkdir", root)).Succeeded();
        (await silo.RunAsAsync("alice", "fs", "touch", $"{root}/f")).Failed(ExitCodes.PermissionDenied);
        (await silo.RunAsync("fs", "chmod", "777", root)).Succeeded();
        (await silo.RunAsAsync("alice", "fs", "touch", $"{root}/f")).Succeeded();
        Assert.Equal(["alice"], (await silo.RunAsync("fs", "stat", "-f", "%u", $"{root}/f")).Succeeded());
    }

    [Fact]
    public async Task GetfaclPrintsTheOwnerGroupAndTheEntriesOfTheMode()
    {
        var root = SiloFixture.Unique("getfacl");
        (await silo.RunAsync("fs", "touch", $"{root}/f")).Succeeded();
        (await silo.RunAsync("fs", "chmod", "750", $"{root}/f")).Succeeded();
        using var client = silo.Client();
        var status = await client.GetStatusAsync($"{root}/f");

        Assert.Equal(
            [$"# file: {root}/f", $"# owner: {status.Owner}", $"# group: {status.Group}", "user::rwx", "group::r-x", "other::---"],
            (await silo.RunAsync("fs", "getfacl", $"{root}/f")).Succeeded());

        Assert.Contains($"{root}/missing", (await silo.RunAsync("fs", "getfacl", $"{root}/missing")).Failed(ExitCodes.NotFound), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SetfaclChangesTheModeBitsItsEntriesName()
    {
        var root = SiloFixture.Unique("setfacl");
        (await silo.RunAsync("fs", "touch", $"{root}/d/f")).Succeeded();
        (await silo.RunAsync("fs", "chmod", "-R", "755", $"{root}/d")).Succeeded();
        using var client = silo.Client();

        Assert.Empty((await silo.RunAsync("fs", "setfacl", "-m", "group::rwx,other::---", $"{root}/d")).Succeeded());
        Assert.Equal(Convert.ToInt32("770", 8), (await client.GetStatusAsync($"{root}/d")).Mode);
        Assert.Equal(Convert.ToInt32("755", 8), (await client.GetStatusAsync($"{root}/d/f")).Mode);

        Assert.Empty((await silo.RunAsync("fs", "setfacl", "-R", "--set", "user::rwx,group::r-x,other::r--", $"{root}/d")).Succeeded());
        Assert.Equal(Convert.ToInt32("754", 8), (await client.GetStatusAsync($"{root}/d")).Mode);
        Assert.Equal(Convert.ToInt32("754", 8), (await client.GetStatusAsync($"{root}/d/f")).Mode);
    }

    [Fact]
    public async Task SetfaclRefusesWhatModeBitsCannotHoldAndChangesNothing()
    {
        var root = SiloFixture.Unique("setfaclx");
        (await silo.RunAsync("fs", "touch", $"{root}/f")).Succeeded();
        using var client = silo.Client();
        var before = (await client.GetStatusAsync($"{root}/f")).Mode;

        Assert.Contains("named users or groups are not supported", (await silo.RunAsync("fs", "setfacl", "-m", "user:bob:rwx", $"{root}/f")).Failed(ExitCodes.Usage), StringComparison.Ordinal);
        Assert.Contains("setfacl -b is not supported", (await silo.RunAsync("fs", "setfacl", "-b", $"{root}/f")).Failed(ExitCodes.Usage), StringComparison.Ordinal);
        Assert.Contains("--set replaces the whole ACL", (await silo.RunAsync("fs", "setfacl", "--set", "user::rwx", $"{root}/f")).Failed(ExitCodes.Usage), StringComparison.Ordinal);
        Assert.Contains("alice", (await silo.RunAsAsync("alice", "fs", "setfacl", "-m", "other::rwx", $"{root}/f")).Failed(ExitCodes.PermissionDenied), StringComparison.Ordinal);
        (await silo.RunAsync("fs", "setfacl", "-m", "other::rwx", $"{root}/missing")).Failed(ExitCodes.NotFound);

        Assert.Equal(before, (await client.GetStatusAsync($"{root}/f")).Mode);
    }

    private async Task<string[]> ModesAsync(string path) =>
        [.. (await silo.RunAsync("fs", "ls", path)).Succeeded().Select(l => l[..10])];
}
