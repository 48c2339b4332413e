using Alluxio.Client;
using Alluxio.Grains.FileSystem;
using Alluxio.Testing.Processes;
using Xunit;

namespace Alluxio.Integration.Tests;

/// <summary>
/// Python's grpcio (the C core) against a real silo's FileSystemMaster service, with stubs generated from our .proto:
/// the wire format (including listings the silo writes from kept serialized entries) is what any gRPC client expects.
/// </summary>
public sealed class PythonClientTests
{
    private const int Files = 300;

    [Fact]
    public async Task A_python_grpcio_client_reads_statuses_listings_and_errors()
    {
        await PythonScript.RequireGrpcAsync();
        using var dir = new TempDirectory();
        await using var silo = SiloProcess.Start(dir.Sub("data"));
        await silo.WaitUntilServingAsync();
        using var fs = FileSystem.Connect(silo.Address);
        await fs.CreateDirectoryAsync("/py/list", new CreateDirectoryOptions(Recursive: true));
        await fs.CreateDirectoryAsync("/py/open", new CreateDirectoryOptions(Mode: 0x1FF));
        await Task.WhenAll(Enumerable.Range(0, Files).Select(i => fs.CreateFileAsync($"/py/list/f{i:D3}")));

        var stubs = dir.Sub("stubs");
        Directory.CreateDirectory(stubs);
        var proto = Path.Combine(AppContext.BaseDirectory, "protos", "grpc", "file", "file_system_master.proto");
        await PythonScript.GenerateStubsAsync(stubs, (proto, "alluxio_fs"));
        var script = Path.Combine(AppContext.BaseDirectory, "python", "fs_master_check.py");
        var port = silo.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var result = await PythonScript.RunAsync([script, "--port", port, "--stubs", stubs, "--files", Files.ToString(System.Globalization.CultureInfo.InvariantCulture)],
            "the Python FileSystemMaster check");

        Assert.True(result.ExitCode == 0, $"The Python check failed (exit {result.ExitCode}):{Environment.NewLine}{result.Output}");
        Assert.Contains("ALL PASSED", result.Output, StringComparison.Ordinal);
        Assert.Equal("python-check", (await fs.GetStatusAsync("/py/open/made")).Owner);
        Assert.False(await fs.ExistsAsync("/py/made"));
    }
}
