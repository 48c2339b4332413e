using Alluxio.Grains.FileSystem;
using Xunit;

namespace Alluxio.Cli.Tests.EndToEnd;

/// <summary>-D Alluxio properties take effect: the write type decides where data lands, the read type whether a read caches.</summary>
[Collection(DataSiloCollection.Name)]
public sealed class PropertyTests(SiloFixture silo) : IDisposable
{
    private readonly TempDirectory _local = new();

    public void Dispose() => _local.Dispose();

    [Fact]
    public async Task MustCacheWriteTypePropertyKeepsTheFileOutOfTheUfs()
    {
        var root = SiloFixture.Unique("dmc");
        var source = _local.Sub("a.bin");
        LocalFiles.Write(source, 70_000, seed: 30);

        (await silo.RunAsync("fs", "-Dalluxio.user.file.writetype.default=MUST_CACHE", "copyFromLocal", source, $"{root}/cached")).Succeeded();
        (await silo.RunAsync("fs", "copyFromLocal", source, $"{root}/default")).Succeeded();

        using var client = silo.Client();
        var cached = await client.GetStatusAsync($"{root}/cached");
        Assert.Equal((PersistenceState.NotPersisted, 100), (cached.PersistenceState, cached.InAlluxioPercentage));
        Assert.False(File.Exists(silo.UfsPathOf($"{root}/cached")));

        // The control: without the property the file is ASYNC_THROUGH and reaches the UFS.
        await Eventually.ReturnsAsync(() => client.GetStatusAsync($"{root}/default"), s => s.Persisted, $"{root}/default is persisted");
        Assert.True(File.Exists(silo.UfsPathOf($"{root}/default")));
        Assert.False(File.Exists(silo.UfsPathOf($"{root}/cached")));
    }

    [Fact]
    public async Task ThroughWriteTypePropertyLeavesTheFileUncachedAndAnOptionBeatsIt()
    {
        var root = SiloFixture.Unique("dthrough");
        var source = _local.Sub("a.bin");
        var bytes = LocalFiles.Write(source, 70_000, seed: 31);

        (await silo.RunAsync("fs", "copyFromLocal", source, $"{root}/through", "-Dalluxio.user.file.writetype.default=through")).Succeeded();
        (await silo.RunAsync("-Dalluxio.user.file.writetype.default=THROUGH", "fs", "copyFromLocal", "--write-type", "MUST_CACHE", source, $"{root}/option")).Succeeded();

        using var client = silo.Client();
        var through = await client.GetStatusAsync($"{root}/through");
        Assert.Equal((PersistenceState.Persisted, 0), (through.PersistenceState, through.InAlluxioPercentage));
        Assert.Equal(bytes, await File.ReadAllBytesAsync(silo.UfsPathOf($"{root}/through")));
        Assert.Equal(PersistenceState.NotPersisted, (await client.GetStatusAsync($"{root}/option")).PersistenceState);
    }

    [Fact]
    public async Task BlockSizePropertySetsTheBlockSizeOfNewFiles()
    {
        var root = SiloFixture.Unique("dblock");
        var source = _local.Sub("a.bin");
        LocalFiles.Write(source, (2 << 20) + 5, seed: 32);

        (await silo.RunAsync("-Dalluxio.user.block.size.bytes.default=1MB", "fs", "copyFromLocal", source, $"{root}/f")).Succeeded();
        (await silo.RunAsync("fs", "cp", "-Dalluxio.user.block.size.bytes.default=64MB", "--block-size", "2MB", $"{root}/f", $"{root}/g")).Succeeded();

        using var client = silo.Client();
        var f = await client.GetStatusAsync($"{root}/f");
        Assert.Equal((1L << 20, 3), (f.BlockSizeBytes, f.BlockIds.Count));
        Assert.Equal(2L << 20, (await client.GetStatusAsync($"{root}/g")).BlockSizeBytes);
    }

    [Fact]
    public async Task NoCacheReadTypePropertyReadsWithoutCaching()
    {
        var root = SiloFixture.Unique("dread");
        var source = _local.Sub("a.bin");
        LocalFiles.Write(source, 70_000, seed: 33);
        (await silo.RunAsync("fs", "copyFromLocal", "--write-type", "THROUGH", source, $"{root}/nocache")).Succeeded();
        (await silo.RunAsync("fs", "copyFromLocal", "--write-type", "THROUGH", source, $"{root}/cache")).Succeeded();

        // tail reads part of the block: with CACHE the worker then caches the whole block in the background, with NO_CACHE not.
        Assert.Equal(0, (await silo.RunBinaryAsync("fs", "-Dalluxio.user.file.readtype.default=NO_CACHE", "tail", "-c", "100", $"{root}/nocache")).ExitCode);
        Assert.Equal(0, (await silo.RunBinaryAsync("fs", "tail", "-c", "100", $"{root}/cache")).ExitCode);

        // Once the CACHE read's block is cached, a NO_CACHE read that cached would have been too.
        using var client = silo.Client();
        await Eventually.ReturnsAsync(() => client.GetStatusAsync($"{root}/cache"), s => s.InAlluxioPercentage == 100, $"{root}/cache is cached after a CACHE read");
        Assert.Equal(0, (await client.GetStatusAsync($"{root}/nocache")).InAlluxioPercentage);
    }

    [Fact]
    public async Task UnknownPropertiesAreIgnoredAndMalformedOnesRefused()
    {
        Assert.Contains("/", (await silo.RunAsync("-Dalluxio.user.file.replication.max=3", "fs", "ls", "-d", "/", "-Dalluxio.some.new.key=x")).Succeeded()[0], StringComparison.Ordinal);

        Assert.StartsWith("Malformed property '-D=THROUGH'", (await silo.RunAsync("fs", "-D=THROUGH", "ls", "/")).Failed(ExitCodes.Usage), StringComparison.Ordinal);
        Assert.StartsWith("Property alluxio.user.file.writetype.default must be", (await silo.RunAsync("fs", "-Dalluxio.user.file.writetype.default=SOMETIMES", "ls", "/")).Failed(ExitCodes.Usage), StringComparison.Ordinal);
    }
}
