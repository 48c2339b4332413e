using Alluxio.Grains.FileSystem;
using Xunit;

namespace Alluxio.Cli.Tests.EndToEnd;

/// <summary>copyFromLocal, copyToLocal, cp and distributedCp against a real silo: files, trees, destination rules, types, errors.</summary>
[Collection(DataSiloCollection.Name)]
public sealed class CopyCommandTests(SiloFixture silo) : IDisposable
{
    private readonly TempDirectory _local = new();

    public void Dispose() => _local.Dispose();

    [Fact]
    public async Task CopyFromLocalCopiesAFileAndKeepsItsNameInAnExistingDirectory()
    {
        var root = SiloFixture.Unique("cfl");
        var source = _local.Sub("a.bin");
        var bytes = LocalFiles.Write(source, 5000, seed: 10);

        Assert.Equal([$"Copied {LocalFiles.Uri(source)} to {root}/new.bin"], (await silo.RunAsync("fs", "copyFromLocal", source, $"{root}/new.bin")).Succeeded());
        (await silo.RunAsync("fs", "mkdir", $"{root}/dir")).Succeeded();
        Assert.Equal([$"Copied {LocalFiles.Uri(source)} to {root}/dir/a.bin"], (await silo.RunAsync("fs", "copyFromLocal", source, $"{root}/dir")).Succeeded());

        Assert.Equal(bytes, await ReadAsync($"{root}/new.bin"));
        Assert.Equal(bytes, await ReadAsync($"{root}/dir/a.bin"));
    }

    [Fact]
    public async Task CopyFromLocalCopiesADirectoryTree()
    {
        var root = SiloFixture.Unique("cfltree");
        var tree = _local.Sub("tree");
        var x = LocalFiles.Write(Path.Combine(tree, "x.bin"), 1000, seed: 11);
        var y = LocalFiles.Write(Path.Combine(tree, "sub", "y.bin"), (1 << 20) + 1, seed: 12);
        Directory.CreateDirectory(Path.Combine(tree, "empty"));

        var lines = (await silo.RunAsync("fs", "copyFromLocal", tree, $"{root}/copy")).Succeeded();
        Assert.Equal(
            [$"Copied {LocalFiles.Uri(Path.Combine(tree, "sub", "y.bin"))} to {root}/copy/sub/y.bin", $"Copied {LocalFiles.Uri(Path.Combine(tree, "x.bin"))} to {root}/copy/x.bin"],
            lines);
        Assert.Equal(x, await ReadAsync($"{root}/copy/x.bin"));
        Assert.Equal(y, await ReadAsync($"{root}/copy/sub/y.bin"));
        using var client = silo.Client();
        Assert.True((await client.GetStatusAsync($"{root}/copy/empty")).Folder);

        // Into an existing directory: the tree keeps its name.
        (await silo.RunAsync("fs", "copyFromLocal", tree, $"{root}/copy")).Succeeded();
        Assert.Equal(y, await ReadAsync($"{root}/copy/tree/sub/y.bin"));
    }

    [Fact]
    public async Task CopyFromLocalFailsOnAMissingSourceOrAnExistingFile()
    {
        var root = SiloFixture.Unique("cflx");
        var source = _local.Sub("a.bin");
        LocalFiles.Write(source, 10, seed: 13);
        (await silo.RunAsync("fs", "copyFromLocal", source, $"{root}/a.bin")).Succeeded();

        var missing = (await silo.RunAsync("fs", "copyFromLocal", _local.Sub("nope"), $"{root}/b")).Failed(ExitCodes.NotFound);
        Assert.Equal($"Local path {_local.Sub("nope")} does not exist.", missing);
        (await silo.RunAsync("fs", "copyFromLocal", source, $"{root}/a.bin")).Failed(ExitCodes.AlreadyExists);
        Directory.CreateDirectory(_local.Sub("a.bin.d"));
        (await silo.RunAsync("fs", "copyFromLocal", _local.Sub("a.bin.d"), $"{root}/a.bin")).Failed(ExitCodes.AlreadyExists);
        (await silo.RunAsync("fs", "copyFromLocal", source, "relative/path")).Failed(ExitCodes.InvalidArgument);
    }

    [Fact]
    public async Task CopyFromLocalHonoursWriteTypeAndBlockSize()
    {
        var root = SiloFixture.Unique("cflwt");
        var source = _local.Sub("a.bin");
        var bytes = LocalFiles.Write(source, (1 << 20) + 10, seed: 14);

        (await silo.RunAsync("fs", "copyFromLocal", "--write-type", "THROUGH", source, $"{root}/through")).Succeeded();
        (await silo.RunAsync("fs", "copyFromLocal", "--write-type", "must_cache", "--block-size", "512KB", source, $"{root}/cached")).Succeeded();

        using var client = silo.Client();
        var through = await client.GetStatusAsync($"{root}/through");
        Assert.Equal((PersistenceState.Persisted, 0), (through.PersistenceState, through.InAlluxioPercentage));
        Assert.Equal(bytes, await File.ReadAllBytesAsync(silo.UfsPathOf($"{root}/through")));

        var cached = await client.GetStatusAsync($"{root}/cached");
        Assert.Equal((PersistenceState.NotPersisted, 100, 512L << 10, 3), (cached.PersistenceState, cached.InAlluxioPercentage, cached.BlockSizeBytes, cached.BlockIds.Count));
        Assert.False(File.Exists(silo.UfsPathOf($"{root}/cached")));
    }

    [Fact]
    public async Task CopyToLocalCopiesFilesAndTrees()
    {
        var root = SiloFixture.Unique("ctl");
        var tree = _local.Sub("tree");
        var x = LocalFiles.Write(Path.Combine(tree, "x.bin"), 2000, seed: 15);
        var y = LocalFiles.Write(Path.Combine(tree, "sub", "y.bin"), 3000, seed: 16);
        Directory.CreateDirectory(Path.Combine(tree, "empty"));
        (await silo.RunAsync("fs", "copyFromLocal", tree, $"{root}/tree")).Succeeded();

        var file = _local.Sub("out/x.copy");
        Assert.Equal([$"Copied {root}/tree/x.bin to {LocalFiles.Uri(file)}"], (await silo.RunAsync("fs", "copyToLocal", $"{root}/tree/x.bin", file)).Succeeded());
        Assert.Equal(x, await File.ReadAllBytesAsync(file));

        Directory.CreateDirectory(_local.Sub("into"));
        (await silo.RunAsync("fs", "copyToLocal", "--read-type", "NO_CACHE", $"{root}/tree/x.bin", _local.Sub("into"))).Succeeded();
        Assert.Equal(x, await File.ReadAllBytesAsync(Path.Combine(_local.Sub("into"), "x.bin")));

        var lines = (await silo.RunAsync("fs", "copyToLocal", $"{root}/tree", _local.Sub("back"))).Succeeded();
        Assert.Equal(2, lines.Length);
        Assert.Equal(y, await File.ReadAllBytesAsync(Path.Combine(_local.Sub("back"), "sub", "y.bin")));
        Assert.True(Directory.Exists(Path.Combine(_local.Sub("back"), "empty")));
        Assert.Equal(["sub/y.bin", "x.bin"], Directory.EnumerateFiles(_local.Sub("back"), "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(_local.Sub("back"), f)).Order());
    }

    [Fact]
    public async Task CopyToLocalNeverOverwritesAndFailsOnAMissingSource()
    {
        var root = SiloFixture.Unique("ctlx");
        LocalFiles.Write(_local.Sub("a.bin"), 100, seed: 17);
        (await silo.RunAsync("fs", "copyFromLocal", _local.Sub("a.bin"), $"{root}/a.bin")).Succeeded();
        await File.WriteAllTextAsync(_local.Sub("existing"), "keep me");

        Assert.Contains("already exists", (await silo.RunAsync("fs", "copyToLocal", $"{root}/a.bin", _local.Sub("existing"))).Failed(ExitCodes.AlreadyExists), StringComparison.Ordinal);
        Assert.Equal("keep me", await File.ReadAllTextAsync(_local.Sub("existing")));
        (await silo.RunAsync("fs", "copyToLocal", $"{root}/missing", _local.Sub("m"))).Failed(ExitCodes.NotFound);
        Assert.False(File.Exists(_local.Sub("m")));
        Assert.DoesNotContain(Directory.EnumerateFiles(_local.Path), f => f.EndsWith(".tmp", StringComparison.Ordinal));
    }

    [Fact]
    public async Task CpCopiesWithinAlluxioAndNeedsDashRForDirectories()
    {
        var root = SiloFixture.Unique("cp");
        var x = LocalFiles.Write(_local.Sub("tree/x.bin"), 4000, seed: 18);
        var y = LocalFiles.Write(_local.Sub("tree/sub/y.bin"), 100, seed: 19);
        (await silo.RunAsync("fs", "copyFromLocal", _local.Sub("tree"), $"{root}/src")).Succeeded();

        Assert.Equal([$"Copied {root}/src/x.bin to {root}/x.copy"], (await silo.RunAsync("fs", "cp", $"{root}/src/x.bin", $"{root}/x.copy")).Succeeded());
        Assert.Equal(x, await ReadAsync($"{root}/x.copy"));

        Assert.Contains("use -R", (await silo.RunAsync("fs", "cp", $"{root}/src", $"{root}/dst")).Failed(ExitCodes.InvalidArgument), StringComparison.Ordinal);
        Assert.Equal(
            [$"Copied {root}/src/sub/y.bin to {root}/dst/sub/y.bin", $"Copied {root}/src/x.bin to {root}/dst/x.bin"],
            (await silo.RunAsync("fs", "cp", "-R", "--write-type", "MUST_CACHE", $"{root}/src", $"{root}/dst")).Succeeded());
        Assert.Equal(y, await ReadAsync($"{root}/dst/sub/y.bin"));

        // Into an existing directory: keeps the name; never into itself; never over a file.
        (await silo.RunAsync("fs", "cp", "-R", $"{root}/src", $"{root}/dst")).Succeeded();
        Assert.Equal(x, await ReadAsync($"{root}/dst/src/x.bin"));
        (await silo.RunAsync("fs", "cp", "-R", $"{root}/src", $"{root}/src/sub")).Failed(ExitCodes.InvalidArgument);
        (await silo.RunAsync("fs", "cp", $"{root}/src/x.bin", $"{root}/x.copy")).Failed(ExitCodes.AlreadyExists);
        (await silo.RunAsync("fs", "cp", $"{root}/missing", $"{root}/m")).Failed(ExitCodes.NotFound);
    }

    [Fact]
    public async Task DistributedCpCopiesATreeWithinAlluxioWithoutDashR()
    {
        var root = SiloFixture.Unique("dcp");
        var x = LocalFiles.Write(_local.Sub("dtree/x.bin"), 3000, seed: 21);
        var y = LocalFiles.Write(_local.Sub("dtree/sub/y.bin"), 200, seed: 22);
        (await silo.RunAsync("fs", "copyFromLocal", _local.Sub("dtree"), $"{root}/src")).Succeeded();

        Assert.Equal(
            [$"Copied {root}/src/sub/y.bin to {root}/dst/sub/y.bin", $"Copied {root}/src/x.bin to {root}/dst/x.bin"],
            (await silo.RunAsync("fs", "distributedCp", $"{root}/src", $"{root}/dst")).Succeeded());
        Assert.Equal(x, await ReadAsync($"{root}/dst/x.bin"));
        Assert.Equal(y, await ReadAsync($"{root}/dst/sub/y.bin"));

        Assert.Contains("within Alluxio", (await silo.RunAsync("fs", "distributedCp", LocalFiles.Uri(_local.Sub("dtree")), $"{root}/local")).Failed(ExitCodes.InvalidArgument), StringComparison.Ordinal);
        (await silo.RunAsync("fs", "distributedCp", $"{root}/missing", $"{root}/m")).Failed(ExitCodes.NotFound);
        (await silo.RunAsync("fs", "distributedCp", $"{root}/src/x.bin", $"{root}/dst/x.bin")).Failed(ExitCodes.AlreadyExists);
    }

    [Fact]
    public async Task CpTakesFileUrisAsLocalPaths()
    {
        var root = SiloFixture.Unique("cpfile");
        var source = _local.Sub("a.bin");
        var bytes = LocalFiles.Write(source, 3000, seed: 20);

        Assert.Equal([$"Copied {LocalFiles.Uri(source)} to {root}/a.bin"], (await silo.RunAsync("fs", "cp", LocalFiles.Uri(source), $"{root}/a.bin")).Succeeded());
        var back = _local.Sub("back.bin");
        Assert.Equal([$"Copied {root}/a.bin to {LocalFiles.Uri(back)}"], (await silo.RunAsync("fs", "cp", $"{root}/a.bin", LocalFiles.Uri(back))).Succeeded());
        Assert.Equal(bytes, await File.ReadAllBytesAsync(back));

        LocalFiles.Write(_local.Sub("tree/t.bin"), 10, seed: 21);
        (await silo.RunAsync("fs", "cp", LocalFiles.Uri(_local.Sub("tree")), $"{root}/tree")).Failed(ExitCodes.InvalidArgument);
        (await silo.RunAsync("fs", "cp", "-R", LocalFiles.Uri(_local.Sub("tree")), $"{root}/tree")).Succeeded();
        (await silo.RunAsync("fs", "cp", LocalFiles.Uri(source), LocalFiles.Uri(_local.Sub("c.bin")))).Failed(ExitCodes.InvalidArgument);
        (await silo.RunAsync("fs", "cp", LocalFiles.Uri(_local.Sub("nope")), $"{root}/nope")).Failed(ExitCodes.NotFound);
    }

    private async Task<byte[]> ReadAsync(string path)
    {
        using var client = silo.Client();
        await using var input = await client.OpenReadAsync(path);
        using var copy = new MemoryStream();
        await input.CopyToAsync(copy);
        return copy.ToArray();
    }
}
