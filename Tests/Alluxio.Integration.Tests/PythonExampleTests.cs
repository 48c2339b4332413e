using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Alluxio.Client;
using Alluxio.Grains.FileSystem;
using Alluxio.Testing.Processes;
using Xunit;

namespace Alluxio.Integration.Tests;

/// <summary>
/// examples/python/alluxio_example.py run as its README says, against a live silo process; what it wrote is then
/// checked through the .NET SDK and in the UFS. The script is copied to the test output with the protos in the
/// repository's layout (see the csproj), and generates its stubs there on first use.
/// </summary>
public sealed partial class PythonExampleTests
{
    private const int DefaultSize = (5 << 20) + 4321; // the script's defaults: 5 MiB + 4321 bytes in 2 MiB blocks
    private const int DefaultBlockSize = 2 << 20;

    private static string Script => Path.Combine(AppContext.BaseDirectory, "python-example", "examples", "python", "alluxio_example.py");

    [Fact]
    public async Task The_python_example_writes_lists_and_reads_back_a_multi_block_file()
    {
        await PythonScript.RequireGrpcAsync();
        using var dir = new TempDirectory();
        await using var silo = SiloProcess.Start(dir.Sub("data"));
        await silo.WaitUntilServingAsync();
        using var fs = FileSystem.Connect(silo.Address);

        // The documented command: CACHE_THROUGH, the bytes in the worker's cache and in the UFS.
        var output = await RunAsync("--master", $"127.0.0.1:{silo.Port}");
        Assert.Contains("OK: the 5,247,201 bytes read equal the bytes written", output, StringComparison.Ordinal);
        Assert.Contains("listing of /python-example: 1 entries", output, StringComparison.Ordinal);
        var written = WrittenHash(output);
        var status = await fs.GetStatusAsync("/python-example/example.bin");
        Assert.True(status.Completed);
        Assert.Equal(DefaultSize, status.Length);
        Assert.Equal(DefaultBlockSize, status.BlockSizeBytes);
        Assert.Equal(3, status.BlockIds.Count);
        Assert.Equal(PersistenceState.Persisted, status.PersistenceState);
        Assert.Equal(100, status.InAlluxioPercentage);
        Assert.Equal(written, await HashThroughSdkAsync(fs, "/python-example/example.bin"));
        Assert.Equal(written, Convert.ToHexStringLower(SHA256.HashData(await File.ReadAllBytesAsync(Path.Combine(silo.DataDir, "underfs", "python-example", "example.bin")))));

        // MUST_CACHE, small blocks and chunks: only blocks, nothing in the UFS.
        output = await RunAsync("--master", $"127.0.0.1:{silo.Port}", "--write-type", "MUST_CACHE", "--file", "cached.bin", "--size", "300K", "--block-size", "64K", "--chunk-size", "16K");
        Assert.Contains("listing of /python-example: 2 entries", output, StringComparison.Ordinal);
        written = WrittenHash(output);
        status = await fs.GetStatusAsync("/python-example/cached.bin");
        Assert.Equal(300 << 10, status.Length);
        Assert.Equal(5, status.BlockIds.Count);
        Assert.Equal(PersistenceState.NotPersisted, status.PersistenceState);
        Assert.Equal(written, await HashThroughSdkAsync(fs, "/python-example/cached.bin"));
        Assert.False(File.Exists(Path.Combine(silo.DataDir, "underfs", "python-example", "cached.bin")));

        // A gRPC error from the silo: non-zero with the status code and the silo's message.
        var refused = await PythonScript.RunAsync([Script, "--master", $"127.0.0.1:{silo.Port}", "--user", "nobody", "--dir", "/elsewhere"], "the Python example as another user");
        Assert.True(refused.ExitCode == 3, $"Expected exit 3, got {refused.ExitCode}:{Environment.NewLine}{refused.Output}");
        Assert.Contains("error: createDirectory failed: PERMISSION_DENIED", refused.Output, StringComparison.Ordinal);
        Assert.Contains("user=nobody", refused.Output, StringComparison.Ordinal);
        Assert.False(await fs.ExistsAsync("/elsewhere"));
    }

    [Fact]
    public async Task The_python_example_fails_clearly_when_no_silo_listens()
    {
        await PythonScript.RequireGrpcAsync();
        var port = FreePort.Next();
        var result = await PythonScript.RunAsync([Script, "--master", $"127.0.0.1:{port}"], "the Python example against a closed port");

        Assert.True(result.ExitCode == 3, $"Expected exit 3, got {result.ExitCode}:{Environment.NewLine}{result.Output}");
        Assert.Contains("error: getMasterInfo failed: UNAVAILABLE", result.Output, StringComparison.Ordinal);
        Assert.Contains($"is a silo serving gRPC at 127.0.0.1:{port}?", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("OK:", result.Output, StringComparison.Ordinal);
    }

    private static async Task<string> RunAsync(params string[] arguments)
    {
        var result = await PythonScript.RunAsync([Script, .. arguments], "the Python example", timeout: TimeSpan.FromMinutes(3));
        Assert.True(result.ExitCode == 0, $"The Python example failed (exit {result.ExitCode}):{Environment.NewLine}{result.Output}");
        return result.Output;
    }

    private static string WrittenHash(string output)
    {
        var match = WrittenLine().Match(output);
        Assert.True(match.Success, "The example printed no 'sha256 written' line:" + Environment.NewLine + output);
        return match.Groups[1].Value;
    }

    private static async Task<string> HashThroughSdkAsync(FileSystem fs, string path)
    {
        await using var stream = await fs.OpenReadAsync(path);
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy);
        return Convert.ToHexStringLower(SHA256.HashData(copy.ToArray()));
    }

    [GeneratedRegex("^sha256 written ([0-9a-f]{64})$", RegexOptions.Multiline)]
    private static partial Regex WrittenLine();
}
