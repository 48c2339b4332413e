using Xunit;

namespace Alluxio.Cli.Tests.EndToEnd;

/// <summary>mount, updateMount, unmount, loadMetadata, startSync, stopSync, getSyncPathList against a real silo.</summary>
public sealed class MountAndSyncCommandTests(SiloFixture silo) : IClassFixture<SiloFixture>
{
    private string NewUfs(string name)
    {
        var path = silo.Scratch(name + "-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(path);
        return path;
    }

    [Fact]
    public async Task MountTableListsTheRootMount()
    {
        var lines = (await silo.RunAsync("fs", "mount")).Succeeded();
        var root = Assert.Single(lines, l => l.Contains("  on  / ", StringComparison.Ordinal));
        Assert.StartsWith(new Uri(silo.RootUfs).AbsoluteUri, root, StringComparison.Ordinal);
        Assert.Matches(@"\(local, capacity=\d+\.\d\d[KMGTP]B, used=[^,]+, not read-only, shared, properties=\{\}\)$", root);
    }

    [Fact]
    public async Task MountUpdateMountAndUnmount()
    {
        var ufs = NewUfs("mount");
        await File.WriteAllTextAsync(Path.Combine(ufs, "data.txt"), "mounted data");
        var point = SiloFixture.Unique("mnt");

        Assert.Equal([$"Mounted {ufs} at {point}"], (await silo.RunAsync("fs", "mount", "--shared", "--option", "k1=v1", "--option", "k2=v2", point, ufs)).Succeeded());
        var line = Assert.Single((await silo.RunAsync("fs", "mount")).Succeeded(), l => l.Contains($"  on  {point} ", StringComparison.Ordinal));
        Assert.EndsWith("not read-only, shared, properties={k1=v1, k2=v2})", line, StringComparison.Ordinal);
        Assert.Equal([$"{point}/data.txt"], (await silo.RunAsync("fs", "ls", point)).Succeeded().Select(l => l[(l.LastIndexOf(' ') + 1)..]));

        Assert.Equal([$"Updated mount point options at {point}"], (await silo.RunAsync("fs", "updateMount", "--readonly", point)).Succeeded());
        line = Assert.Single((await silo.RunAsync("fs", "mount")).Succeeded(), l => l.Contains($"  on  {point} ", StringComparison.Ordinal));
        Assert.EndsWith(", read-only, not shared, properties={})", line, StringComparison.Ordinal);
        var reason = (await silo.RunAsync("fs", "touch", $"{point}/new")).Failed(ExitCodes.FailedPrecondition);
        Assert.Contains("read-only", reason, StringComparison.Ordinal);

        Assert.Equal([$"Unmounted {point}"], (await silo.RunAsync("fs", "unmount", point)).Succeeded());
        Assert.DoesNotContain((await silo.RunAsync("fs", "mount")).Succeeded(), l => l.Contains($"  on  {point} ", StringComparison.Ordinal));
        Assert.True(File.Exists(Path.Combine(ufs, "data.txt")), "unmount never removes UFS data");
    }

    [Fact]
    public async Task MountOverAnExistingPathExitsFour()
    {
        var existing = SiloFixture.Unique("taken");
        (await silo.RunAsync("fs", "mkdir", existing)).Succeeded();
        var reason = (await silo.RunAsync("fs", "mount", existing, NewUfs("over"))).Failed(ExitCodes.AlreadyExists);
        Assert.Contains(existing, reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MountErrors()
    {
        (await silo.RunAsync("fs", "mount", SiloFixture.Unique("nufs"), silo.Scratch("no-such-ufs"))).Failed(ExitCodes.InvalidArgument);
        (await silo.RunAsync("fs", "mount", "/no/parent/here", NewUfs("noparent"))).Failed(ExitCodes.NotFound);
        (await silo.RunAsAsync("alice", "fs", "mount", SiloFixture.Unique("alice"), NewUfs("alice"))).Failed(ExitCodes.PermissionDenied);
        (await silo.RunAsync("fs", "unmount", "/")).Failed(ExitCodes.InvalidArgument);
        var plain = SiloFixture.Unique("plain");
        (await silo.RunAsync("fs", "mkdir", plain)).Succeeded();
        (await silo.RunAsync("fs", "unmount", plain)).Failed(ExitCodes.InvalidArgument);
        (await silo.RunAsync("fs", "unmount", "/unmount-missing")).Failed(ExitCodes.NotFound);
        (await silo.RunAsync("fs", "updateMount", "/update-missing")).Failed(ExitCodes.NotFound);
    }

    [Fact]
    public async Task UnmountWithANestedMountIsAFailedPrecondition()
    {
        var outer = SiloFixture.Unique("outer");
        var outerUfs = NewUfs("outer");
        Directory.CreateDirectory(Path.Combine(outerUfs, "x"));
        (await silo.RunAsync("fs", "mount", outer, outerUfs)).Succeeded();
        (await silo.RunAsync("fs", "mount", $"{outer}/inner", NewUfs("inner"))).Succeeded();

        (await silo.RunAsync("fs", "unmount", outer)).Failed(ExitCodes.FailedPrecondition);

        (await silo.RunAsync("fs", "unmount", $"{outer}/inner")).Succeeded();
        (await silo.RunAsync("fs", "unmount", outer)).Succeeded();
    }

    [Fact]
    public async Task LoadMetadataLoadsAUfsTree()
    {
        var root = SiloFixture.Unique("load");
        var ufs = silo.UfsPathOf(root);
        Directory.CreateDirectory(Path.Combine(ufs, "a", "b"));
        await File.WriteAllTextAsync(Path.Combine(ufs, "a", "b", "f"), "x");
        await File.WriteAllTextAsync(Path.Combine(ufs, "g"), "y");

        var lines = (await silo.RunAsync("fs", "loadMetadata", "-R", "-F", root)).Succeeded();

        Assert.Matches($@"^Loaded metadata of {root}: [1-9]\d* created, \d+ updated, 0 removed$", Assert.Single(lines));
        var listed = (await silo.RunAsync("fs", "ls", "-R", root)).Succeeded().Select(l => l[(l.LastIndexOf(' ') + 1)..]);
        Assert.Equal([$"{root}/a", $"{root}/g", $"{root}/a/b", $"{root}/a/b/f"], listed);

        File.Delete(Path.Combine(ufs, "g"));
        var reload = (await silo.RunAsync("fs", "loadMetadata", "-F", root)).Succeeded();
        Assert.Equal([$"Loaded metadata of {root}: 0 created, 0 updated, 1 removed"], reload);

        (await silo.RunAsync("fs", "loadMetadata", "-F", "/load-missing")).Failed(ExitCodes.NotFound);
    }

    [Fact]
    public async Task ActiveSyncAppliesUfsChangesUntilStopped()
    {
        var root = SiloFixture.Unique("sync");
        (await silo.RunAsync("fs", "mkdir", root)).Succeeded();
        Assert.Empty((await silo.RunAsync("fs", "ls", root)).Succeeded());

        Assert.Equal([$"Started automatic syncing of '{root}'."], (await silo.RunAsync("fs", "startSync", root)).Succeeded());
        var list = (await silo.RunAsync("fs", "getSyncPathList")).Succeeded();
        Assert.Equal("The following paths are under active syncing", list[0]);
        Assert.Contains($"{root} Watching", list);
        (await silo.RunAsync("fs", "startSync", root)).Failed(ExitCodes.AlreadyExists);

        await File.WriteAllTextAsync(Path.Combine(silo.UfsPathOf(root), "arrived"), "new data");
        await Eventually.ReturnsAsync(
            async () => (await silo.RunAsync("fs", "ls", root)).Succeeded(),
            lines => lines.Any(l => l.EndsWith($" {root}/arrived", StringComparison.Ordinal)),
            $"active sync shows the new UFS file {root}/arrived");

        Assert.Equal([$"Stopped automatic syncing of '{root}'."], (await silo.RunAsync("fs", "stopSync", root)).Succeeded());
        Assert.DoesNotContain((await silo.RunAsync("fs", "getSyncPathList")).Succeeded(), l => l.StartsWith(root + " ", StringComparison.Ordinal));
        (await silo.RunAsync("fs", "stopSync", root)).Failed(ExitCodes.InvalidArgument);
        (await silo.RunAsync("fs", "startSync", "/sync-missing")).Failed(ExitCodes.NotFound);
    }
}
