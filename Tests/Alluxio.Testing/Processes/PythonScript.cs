using System.Diagnostics;
using System.Text;

namespace Alluxio.Testing.Processes;

/// <summary>
/// Runs Debian's python3 with python3-grpcio for interop tests: the real gRPC C core as an independent client. Stubs
/// come from Debian's protoc 3.21 and grpc_python_plugin (python3-grpc-tools bundles protoc 3.5, which predates
/// proto3 optional fields). CI installs all three; a missing one fails the test rather than skipping it.
/// </summary>
public static class PythonScript
{
    public const string Python = "/usr/bin/python3";
    public const string Protoc = "/usr/bin/protoc";
    public const string GrpcPythonPlugin = "/usr/bin/grpc_python_plugin";
    public const string InstallHint = "apt-get install python3-grpcio protobuf-compiler protobuf-compiler-grpc (or run deploy/install-deps.sh --test)";

    /// <summary>Checks that python3, grpcio, protoc and the plugin are usable; throws with the install command if not.</summary>
    public static async Task RequireGrpcAsync()
    {
        foreach (var tool in new[] { Python, Protoc, GrpcPythonPlugin })
        {
            if (!File.Exists(tool))
            {
                throw new InvalidOperationException($"{tool} is missing; interop tests need it: {InstallHint}");
            }
        }

        var probe = await RunAsync(["-c", "import grpc, google.protobuf"], "the grpcio import probe");
        if (probe.ExitCode != 0)
        {
            throw new InvalidOperationException($"Python grpcio is not importable by {Python} ({probe.Output.Trim()}); run: {InstallHint}");
        }
    }

    /// <summary>
    /// Generates Python message and stub modules into <paramref name="outputDir"/> for each (.proto file, package
    /// directory) pair. Package directories of our own avoid shadowing Python modules ("grpc", "test").
    /// </summary>
    public static async Task GenerateStubsAsync(string outputDir, params (string ProtoFile, string Package)[] protos)
    {
        var arguments = new List<string> { "-I", outputDir, "--python_out", outputDir, "--grpc_python_out", outputDir, "--plugin=protoc-gen-grpc_python=" + GrpcPythonPlugin };
        foreach (var (proto, package) in protos)
        {
            Directory.CreateDirectory(Path.Combine(outputDir, package));
            File.Copy(proto, Path.Combine(outputDir, package, Path.GetFileName(proto)), overwrite: true);
            arguments.Add(Path.Combine(package, Path.GetFileName(proto)));
        }

        var result = await RunAsync(Protoc, [.. arguments], "protoc");
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException("protoc failed: " + result.Output);
        }
    }

    /// <summary>Runs python3 with <paramref name="arguments"/>; returns its exit code and combined output (stderr lines prefixed).</summary>
    public static Task<(int ExitCode, string Output)> RunAsync(string[] arguments, string what, Action<string>? onLine = null, TimeSpan? timeout = null) =>
        RunAsync(Python, arguments, what, onLine, timeout);

    private static async Task<(int ExitCode, string Output)> RunAsync(string program, string[] arguments, string what, Action<string>? onLine = null, TimeSpan? timeout = null)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment.Remove("PYTHONPATH");
        start.Environment.Remove("PYTHONHOME");
        start.Environment["PYTHONIOENCODING"] = "utf-8";

        var output = new StringBuilder();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                return;
            }

            lock (output)
            {
                output.AppendLine(e.Data);
            }

            onLine?.Invoke(e.Data);
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                return;
            }

            lock (output)
            {
                output.AppendLine("stderr: " + e.Data);
            }
        };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await process.WaitForExitAsync().WaitAsync(timeout ?? TimeSpan.FromSeconds(90));
        }
        catch (TimeoutException)
        {
            process.Kill(entireProcessTree: true);
            lock (output)
            {
                throw new TimeoutException($"Timed out waiting for {what}; output so far:{Environment.NewLine}{output}");
            }
        }

        // WaitForExitAsync also waits for the redirected streams to reach end of file.
        lock (output)
        {
            return (process.ExitCode, output.ToString());
        }
    }
}
