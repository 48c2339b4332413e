using System.Diagnostics;
using System.Text.RegularExpressions;
using Alluxio.Testing;
using Xunit;

namespace Alluxio.Cli.Tests.EndToEnd;

/// <summary>cat, head, tail, checksum and location against a real silo.</summary>
[Collection(DataSiloCollection.Name)]
public sealed class ReadCommandTests(SiloFixture silo) : IDisposable
{
    private readonly TempDirectory _local = new();

    public void Dispose() => _local.Dispose();

    [Fact]
    public async Task CatPrintsTheBytesUnchanged()
    {
        var root = SiloFixture.Unique("cat");
        var blob = LocalFiles.Write(_local.Sub("blob.bin"), (3 << 20) + 123, seed: 1);
        var text = LocalFiles.Write(_local.Sub("small.bin"), 300, seed: 2);
        (await silo.RunAsync("fs", "copyFromLocal", _local.Sub("blob.bin"), $"{root}/blob.bin")).Succeeded();
        (await silo.RunAsync("fs", "copyFromLocal", _local.Sub("small.bin"), $"{root}/small.bin")).Succeeded();

        var cat = await silo.RunBinaryAsync("fs", "cat", $"{root}/blob.bin");
        Assert.Equal((0, string.Empty), (cat.ExitCode, cat.Error));
        Assert.True(blob.AsSpan().SequenceEqual(cat.Out), $"cat returned {cat.Out.Length} bytes that differ from the {blob.Length} written");

        var both = await silo.RunBinaryAsync("fs", "cat", "--read-type", "no_cache", $"{root}/small.bin", $"{root}/blob.bin");
        Assert.Equal(0, both.ExitCode);
        Assert.True(text.Concat(blob).SequenceEqual(both.Out), "cat of two files is not their concatenation");
    }

    [Fact]
    public async Task CatOfADirectoryOrAMissingFileFails()
    {
        var root = SiloFixture.Unique("catx");
        (await silo.RunAsync("fs", "mkdir", $"{root}/dir")).Succeeded();

        Assert.Contains("is a directory", (await silo.RunAsync("fs", "cat", $"{root}/dir")).Failed(ExitCodes.InvalidArgument), StringComparison.Ordinal);
        Assert.Contains($"{root}/missing", (await silo.RunAsync("fs", "cat", $"{root}/missing")).Failed(ExitCodes.NotFound), StringComparison.Ordinal);
    }

    [Fact]
    public async Task HeadAndTailPrintTheFirstAndLastBytes()
    {
        var root = SiloFixture.Unique("head");
        var bytes = LocalFiles.Write(_local.Sub("f.bin"), 3000, seed: 3);
        (await silo.RunAsync("fs", "copyFromLocal", _local.Sub("f.bin"), $"{root}/f.bin")).Succeeded();
        var file = $"{root}/f.bin";

        Assert.Equal(bytes[..1024], await OutAsync("fs", "head", file));
        Assert.Equal(bytes[..10], await OutAsync("fs", "head", "-c", "10", file));
        Assert.Equal(bytes[..2048], await OutAsync("fs", "head", "-c", "2KB", file));
        Assert.Equal(bytes, await OutAsync("fs", "head", "-c", "1MB", file));
        Assert.Equal(bytes[^1024..], await OutAsync("fs", "tail", file));
        Assert.Equal(bytes[^100..], await OutAsync("fs", "tail", "-c", "100", "--read-type", "CACHE_PROMOTE", file));
        Assert.Equal(bytes, await OutAsync("fs", "tail", "-c", "4k", file));
        Assert.Empty(await OutAsync("fs", "tail", "-c", "0", file));
    }

    [Fact]
    public async Task HeadAndTailFailOnBadSizesDirectoriesAndMissingFiles()
    {
        var root = SiloFixture.Unique("tailx");
        (await silo.RunAsync("fs", "mkdir", root)).Succeeded();

        Assert.Contains("-c must be a size", (await silo.RunAsync("fs", "head", "-c", "lots", root)).Failed(ExitCodes.Usage), StringComparison.Ordinal);
        (await silo.RunAsync("fs", "tail", root)).Failed(ExitCodes.InvalidArgument);
        (await silo.RunAsync("fs", "head", $"{root}/missing")).Failed(ExitCodes.NotFound);
    }

    [Fact]
    public async Task ChecksumMatchesTheSystemMd5sum()
    {
        var root = SiloFixture.Unique("md5");
        LocalFiles.Write(_local.Sub("f.bin"), (2 << 20) + 7, seed: 4);
        File.WriteAllBytes(_local.Sub("empty"), []);
        (await silo.RunAsync("fs", "copyFromLocal", "--block-size", "1MB", _local.Sub("f.bin"), $"{root}/f.bin")).Succeeded();
        (await silo.RunAsync("fs", "copyFromLocal", _local.Sub("empty"), $"{root}/empty")).Succeeded();

        Assert.Equal([$"md5sum: {await Md5sumAsync(_local.Sub("f.bin"))}"], (await silo.RunAsync("fs", "checksum", $"{root}/f.bin")).Succeeded());
        Assert.Equal([$"md5sum: {await Md5sumAsync(_local.Sub("empty"))}"], (await silo.RunAsync("fs", "checksum", $"{root}/empty")).Succeeded());
    }

    [Fact]
    public async Task ChecksumOfADirectoryOrAMissingFileFails()
    {
        var root = SiloFixture.Unique("md5x");
        (await silo.RunAsync("fs", "mkdir", root)).Succeeded();
        (await silo.RunAsync("fs", "checksum", root)).Failed(ExitCodes.InvalidArgument);
        (await silo.RunAsync("fs", "checksum", $"{root}/missing")).Failed(ExitCodes.NotFound);
    }

    [Fact]
    public async Task LocationNamesTheHostBlockAndTierOfEachBlock()
    {
        var root = SiloFixture.Unique("loc");
        LocalFiles.Write(_local.Sub("f.bin"), (2 << 20) + (1 << 19), seed: 5);
        (await silo.RunAsync("fs", "copyFromLocal", "--write-type", "MUST_CACHE", "--block-size", "1MB", _local.Sub("f.bin"), $"{root}/f.bin")).Succeeded();
        using var client = silo.Client();
        var status = await client.GetStatusAsync($"{root}/f.bin");
        var host = Assert.Single(await client.GetWorkersAsync()).Host;
        Assert.Equal(3, status.BlockIds.Count);

        var lines = (await silo.RunAsync("fs", "location", $"{root}/f.bin")).Succeeded();

        Assert.Equal($"{root}/f.bin with file id {status.FileId} is on nodes:", lines[0]);
        Assert.Equal(status.BlockIds.Count, lines.Length - 1);
        for (var i = 0; i < status.BlockIds.Count; i++)
        {
            Assert.Matches($"^{Regex.Escape(host)} block={status.BlockIds[i]} tier=(MEM|SSD)$", lines[i + 1]);
        }
    }

    [Fact]
    public async Task LocationOfADirectoryOrAMissingFileFails()
    {
        var root = SiloFixture.Unique("locx");
        (await silo.RunAsync("fs", "mkdir", root)).Succeeded();
        Assert.Contains("is a directory", (await silo.RunAsync("fs", "location", root)).Failed(ExitCodes.InvalidArgument), StringComparison.Ordinal);
        (await silo.RunAsync("fs", "location", $"{root}/missing")).Failed(ExitCodes.NotFound);
    }

    private async Task<byte[]> OutAsync(params string[] args)
    {
        var result = await silo.RunBinaryAsync(args);
        Assert.True(result.ExitCode == 0, $"alluxio {string.Join(' ', args)} exited {result.ExitCode}: {result.Error}");
        Assert.Equal(string.Empty, result.Error);
        return result.Out;
    }

    private static async Task<string> Md5sumAsync(string path)
    {
        var info = new ProcessStartInfo("md5sum") { RedirectStandardOutput = true, UseShellExecute = false };
        info.ArgumentList.Add(path);
        using var process = Process.Start(info)!;
        var output = await process.StandardOutput.ReadToEndAsync().Within("md5sum", Cli.Timeout);
        await process.WaitForExitAsync();
        Assert.Equal(0, process.ExitCode);
        return output.Split(' ')[0];
    }
}
