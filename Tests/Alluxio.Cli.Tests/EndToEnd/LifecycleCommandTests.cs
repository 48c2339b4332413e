using Alluxio.Grains.FileSystem;
using Xunit;

namespace Alluxio.Cli.Tests.EndToEnd;

/// <summary>load (and distributedLoad), free, persist, pin/unpin and setTtl/unsetTtl against a real silo.</summary>
[Collection(DataSiloCollection.Name)]
public sealed class LifecycleCommandTests(SiloFixture silo) : IDisposable
{
    private readonly TempDirectory _local = new();

    public void Dispose() => _local.Dispose();

    [Fact]
    public async Task LoadBringsUfsDataIntoTheCache()
    {
        var root = SiloFixture.Unique("load");
        await WriteAsync($"{root}/d/a", "THROUGH", 300_000);
        await WriteAsync($"{root}/d/b", "THROUGH", 10);
        using var client = silo.Client();
        Assert.Equal(0, (await client.GetStatusAsync($"{root}/d/a")).InAlluxioPercentage);

        Assert.Equal([$"{root}/d loaded"], (await silo.RunAsync("fs", "load", $"{root}/d")).Succeeded());

        foreach (var file in new[] { $"{root}/d/a", $"{root}/d/b" })
        {
            await Eventually.ReturnsAsync(() => client.GetStatusAsync(file), s => s.InAlluxioPercentage == 100, $"{file} is cached after load");
        }

        (await silo.RunAsync("fs", "load", $"{root}/missing")).Failed(ExitCodes.NotFound);
    }

    [Fact]
    public async Task FreeDropsCachedCopiesOfPersistedDataOnly()
    {
        var root = SiloFixture.Unique("free");
        await WriteAsync($"{root}/d/persisted", "CACHE_THROUGH", 200_000);
        await WriteAsync($"{root}/only-cached", "MUST_CACHE", 1000);
        using var client = silo.Client();
        Assert.Equal(100, (await client.GetStatusAsync($"{root}/d/persisted")).InAlluxioPercentage);

        Assert.Equal([$"{root}/d was successfully freed from Alluxio space."], (await silo.RunAsync("fs", "free", $"{root}/d")).Succeeded());
        await Eventually.ReturnsAsync(() => client.GetStatusAsync($"{root}/d/persisted"), s => s.InAlluxioPercentage == 0, "the freed file leaves the cache");

        (await silo.RunAsync("fs", "free", $"{root}/only-cached")).Failed(ExitCodes.FailedPrecondition);
        Assert.Equal(100, (await client.GetStatusAsync($"{root}/only-cached")).InAlluxioPercentage);
        (await silo.RunAsync("fs", "free", $"{root}/missing")).Failed(ExitCodes.NotFound);
    }

    [Fact]
    public async Task PinnedFilesAreFreedOnlyWithDashF()
    {
        var root = SiloFixture.Unique("pinfree");
        await WriteAsync($"{root}/f", "CACHE_THROUGH", 1000);
        (await silo.RunAsync("fs", "pin", $"{root}/f")).Succeeded();

        (await silo.RunAsync("fs", "free", $"{root}/f")).Failed(ExitCodes.FailedPrecondition);
        (await silo.RunAsync("fs", "free", "-f", $"{root}/f")).Succeeded();

        using var client = silo.Client();
        var status = await Eventually.ReturnsAsync(() => client.GetStatusAsync($"{root}/f"), s => s.InAlluxioPercentage == 0, "the force-freed file leaves the cache");
        Assert.False(status.Pinned);
    }

    [Fact]
    public async Task PinAndUnpinApplyToADirectoryTree()
    {
        var root = SiloFixture.Unique("pin");
        await WriteAsync($"{root}/d/sub/f", "MUST_CACHE", 100);

        Assert.Equal([$"File '{root}/d' was successfully pinned."], (await silo.RunAsync("fs", "pin", $"{root}/d")).Succeeded());
        using var client = silo.Client();
        Assert.True((await client.GetStatusAsync($"{root}/d/sub/f")).Pinned);
        Assert.Equal([$"{root}/d/sub/f"], (await silo.RunAsync("fs", "ls", "-R", "-p", $"{root}/d")).Succeeded().Select(l => l.Split(' ')[^1]).Where(p => p.EndsWith("/f", StringComparison.Ordinal)));

        Assert.Equal([$"File '{root}/d' was successfully unpinned."], (await silo.RunAsync("fs", "unpin", $"{root}/d")).Succeeded());
        Assert.False((await client.GetStatusAsync($"{root}/d/sub/f")).Pinned);

        (await silo.RunAsync("fs", "pin", $"{root}/missing")).Failed(ExitCodes.NotFound);
        (await silo.RunAsync("fs", "unpin", $"{root}/missing")).Failed(ExitCodes.NotFound);
    }

    [Fact]
    public async Task DistributedLoadIsLoad()
    {
        var root = SiloFixture.Unique("dload");
        await WriteAsync($"{root}/d/a", "THROUGH", 200_000);
        using var client = silo.Client();
        Assert.Equal(0, (await client.GetStatusAsync($"{root}/d/a")).InAlluxioPercentage);

        Assert.Equal([$"{root}/d loaded"], (await silo.RunAsync("fs", "distributedLoad", $"{root}/d")).Succeeded());

        await Eventually.ReturnsAsync(() => client.GetStatusAsync($"{root}/d/a"), s => s.InAlluxioPercentage == 100, "the file is cached after distributedLoad");
        (await silo.RunAsync("fs", "distributedLoad", $"{root}/missing")).Failed(ExitCodes.NotFound);
    }

    [Fact]
    public async Task SetTtlAndUnsetTtl()
    {
        var root = SiloFixture.Unique("ttl");
        await WriteAsync($"{root}/f", "MUST_CACHE", 100);
        using var client = silo.Client();

        Assert.Equal(
            [$"TTL of path '{root}/f' was successfully set to 86400000 milliseconds, with expiry action set to FREE"],
            (await silo.RunAsync("fs", "setTtl", "--action", "free", $"{root}/f", "1d")).Succeeded());
        var status = await client.GetStatusAsync($"{root}/f");
        Assert.Equal((86_400_000L, TtlAction.Free), (status.Ttl, status.TtlAction));

        Assert.EndsWith("set to 10000 milliseconds, with expiry action set to DELETE", (await silo.RunAsync("fs", "setTtl", $"{root}/f", "10000")).Succeeded()[0], StringComparison.Ordinal);
        status = await client.GetStatusAsync($"{root}/f");
        Assert.Equal((10_000L, TtlAction.Delete), (status.Ttl, status.TtlAction));

        Assert.Equal([$"TTL of path '{root}/f' was successfully removed."], (await silo.RunAsync("fs", "unsetTtl", $"{root}/f")).Succeeded());
        Assert.Equal(-1, (await client.GetStatusAsync($"{root}/f")).Ttl);

        Assert.Contains("TIME must be", (await silo.RunAsync("fs", "setTtl", $"{root}/f", "soon")).Failed(ExitCodes.Usage), StringComparison.Ordinal);
        Assert.Contains("--action must be FREE, DELETE_ALLUXIO or DELETE", (await silo.RunAsync("fs", "setTtl", "--action", "keep", $"{root}/f", "1h")).Failed(ExitCodes.Usage), StringComparison.Ordinal);
        (await silo.RunAsync("fs", "setTtl", $"{root}/missing", "1h")).Failed(ExitCodes.NotFound);
        (await silo.RunAsync("fs", "unsetTtl", $"{root}/missing")).Failed(ExitCodes.NotFound);
    }

    [Fact]
    public async Task PersistWaitsUntilTheFilesArePersisted()
    {
        var root = SiloFixture.Unique("persist");
        var bytes = await WriteAsync($"{root}/d/a", "MUST_CACHE", 150_000);
        await WriteAsync($"{root}/d/b", "MUST_CACHE", 0);
        await WriteAsync($"{root}/c", "CACHE_THROUGH", 10);

        Assert.Equal([$"persisted file {root}/d/a with size 150000", $"persisted file {root}/d/b with size 0"], (await silo.RunAsync("fs", "persist", $"{root}/d")).Succeeded().Order());
        Assert.Equal(bytes, await File.ReadAllBytesAsync(silo.UfsPathOf($"{root}/d/a")));
        using var client = silo.Client();
        Assert.True((await client.GetStatusAsync($"{root}/d/b")).Persisted);

        Assert.Equal([$"{root}/c is already persisted"], (await silo.RunAsync("fs", "persist", "-t", "30s", $"{root}/c")).Succeeded());
        (await silo.RunAsync("fs", "persist", $"{root}/missing")).Failed(ExitCodes.NotFound);
    }

    private async Task<byte[]> WriteAsync(string path, string writeType, int length)
    {
        var local = _local.Sub(Guid.NewGuid().ToString("N"));
        var bytes = LocalFiles.Write(local, length, seed: length);
        (await silo.RunAsync("fs", "copyFromLocal", "--write-type", writeType, local, path)).Succeeded();
        return bytes;
    }
}
