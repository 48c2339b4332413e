using System.Diagnostics;
using System.Text;
using Xunit;
using ServingStatus = Alluxio.Protos.Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus;

namespace Alluxio.Grpc.Tests;

/// <summary>
/// A real, independent gRPC implementation (Debian's python3-grpcio, C core) against our Kestrel server. Fails,
/// rather than skips, when Python or grpcio is missing: CI installs them.
/// </summary>
public sealed class InteropTests(TestHostFixture fixture) : IClassFixture<TestHostFixture>, IDisposable
{
    private const string Python = "/usr/bin/python3";
    private const string InstallHint = "apt-get install python3-grpcio python3-grpc-tools";

    private readonly string _dir = Directory.CreateTempSubdirectory("alluxio-grpc-interop-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task Python_grpcio_client_passes_every_check()
    {
        Assert.True(File.Exists(Python), $"{Python} is missing; the interop test needs it: {InstallHint}");
        var probe = await RunAsync(["-c", "import grpc, grpc_tools.protoc"], "the grpcio import probe");
        Assert.True(probe.ExitCode == 0, $"Python grpcio / grpc_tools are not importable by {Python} ({probe.Output.Trim()}); run: {InstallHint}");

        // Generate stubs from the very .proto files the server is built from. They are copied under package-like
        // directories of our own: "grpc/..." would shadow the grpc module and "test/..." Python's test package.
        var protos = Path.Combine(AppContext.BaseDirectory, "protos");
        CopyProto(Path.Combine(protos, "alluxio", "grpc", "health", "v1", "health.proto"), "alluxio_health", "health.proto");
        CopyProto(Path.Combine(protos, "test", "echo.proto"), "alluxio_echo", "echo.proto");
        var protoc = await RunAsync(
            ["-m", "grpc_tools.protoc", "-I", _dir, "--python_out", _dir, "--grpc_python_out", _dir,
             Path.Combine("alluxio_health", "health.proto"), Path.Combine("alluxio_echo", "echo.proto")],
            "grpc_tools.protoc");
        Assert.True(protoc.ExitCode == 0, "grpc_tools.protoc failed: " + protoc.Output);

        var health = fixture.Host.Health;
        health.SetStatus("alluxio.interop.Watched", ServingStatus.Serving);
        var script = Path.Combine(AppContext.BaseDirectory, "interop", "interop_client.py");
        var result = await RunAsync([script, "--port", fixture.Host.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--stubs", _dir],
            "the Python interop script", onLine: line =>
            {
                if (line == "WATCHING")
                    health.SetStatus("alluxio.interop.Watched", ServingStatus.NotServing);
            });

        Assert.True(result.ExitCode == 0, $"The Python interop script failed (exit {result.ExitCode}):{Environment.NewLine}{result.Output}");
        Assert.Contains("ALL PASSED", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("FAIL", result.Output, StringComparison.Ordinal);
    }

    private void CopyProto(string source, string directory, string name)
    {
        Directory.CreateDirectory(Path.Combine(_dir, directory));
        File.Copy(source, Path.Combine(_dir, directory, name));
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(string[] arguments, string what, Action<string>? onLine = null)
    {
        var start = new ProcessStartInfo(Python)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        start.Environment.Remove("PYTHONPATH");
        start.Environment.Remove("PYTHONHOME");
        start.Environment["PYTHONIOENCODING"] = "utf-8";

        var output = new StringBuilder();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null)
                return;
            lock (output)
                output.AppendLine(e.Data);
            onLine?.Invoke(e.Data);
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is null)
                return;
            lock (output)
                output.AppendLine("stderr: " + e.Data);
        };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await Waits.For(process.WaitForExitAsync(), what, TimeSpan.FromSeconds(90));
        }
        catch (TimeoutException)
        {
            process.Kill(entireProcessTree: true);
            lock (output)
                throw new TimeoutException($"Timed out waiting for {what}; output so far:{Environment.NewLine}{output}");
        }

        // WaitForExitAsync also waits for the redirected streams to reach end of file.
        lock (output)
            return (process.ExitCode, output.ToString());
    }
}
