using System.Diagnostics;
using System.Text;

namespace Alluxio.Testing.Processes;

/// <summary>
/// A real alluxio-silo process started from the build output next to the test assembly (the test project references
/// Alluxio.Silo). Captures its output, waits for readiness through its web port, and can be stopped gracefully
/// (SIGTERM) or killed (SIGKILL).
/// </summary>
public sealed class SiloProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private SiloProcess(Process process, int port, int webPort, int dataPort, string dataDir)
    {
        _process = process;
        Port = port;
        WebPort = webPort;
        DataPort = dataPort;
        DataDir = dataDir;
    }

    /// <summary>The gRPC port.</summary>
    public int Port { get; }

    /// <summary>The worker's data port (BlockWorker on the silo's own HTTP/2 server); -1 when off.</summary>
    public int DataPort { get; }

    /// <summary>The web port.</summary>
    public int WebPort { get; }

    /// <summary>The data directory.</summary>
    public string DataDir { get; }

    /// <summary>The process id.</summary>
    public int Pid => _process.Id;

    /// <summary>gRPC address for clients.</summary>
    public string Address => $"http://127.0.0.1:{Port}";

    /// <summary>Everything the process wrote to stdout and stderr so far.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>The path of alluxio-silo.dll in the test's output directory.</summary>
    public static string SiloAssembly => Path.Combine(AppContext.BaseDirectory, "alluxio-silo.dll");

    /// <summary>Starts the process with the given arguments (a fresh --data-dir and free ports unless given).</summary>
    public static SiloProcess Start(string dataDir, int? port = null, int? webPort = null, params string[] extraArgs) =>
        Start(dataDir, new Dictionary<string, string>(), port, webPort, extraArgs);

    /// <summary>Starts a silo with extra environment variables (e.g. <c>ALLUXIO_Worker__MemoryBytes</c>), which override the test defaults.</summary>
    public static SiloProcess Start(string dataDir, IReadOnlyDictionary<string, string> environment, int? port = null, int? webPort = null, params string[] extraArgs)
    {
        var rpc = port ?? FreePort.Next();
        var web = webPort ?? FreePort.Next();
        var given = Array.IndexOf(extraArgs, "--data-port");
        var data = given >= 0 ? int.Parse(extraArgs[given + 1], System.Globalization.CultureInfo.InvariantCulture) : FreePort.Next();
        if (given < 0)
        {
            extraArgs = [.. extraArgs, "--data-port", data.ToString(System.Globalization.CultureInfo.InvariantCulture)];
        }

        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(dataDir) ?? Path.GetTempPath(),
        };
        foreach (var (name, value) in environment)
        {
            info.Environment[name] = value;
        }

        // Keep the worker's tiers inside the data directory with small quotas (the product default puts MEM in /dev/shm).
        info.Environment.TryAdd("ALLUXIO_Worker__MemoryDirectory", Path.Combine(dataDir, "tiers", "mem"));
        info.Environment.TryAdd("ALLUXIO_Worker__MemoryBytes", (1L << 30).ToString(System.Globalization.CultureInfo.InvariantCulture));
        info.Environment.TryAdd("ALLUXIO_Worker__SsdBytes", (2L << 30).ToString(System.Globalization.CultureInfo.InvariantCulture));
        foreach (var arg in new[] { SiloAssembly, "--data-dir", dataDir, "--root-ufs", Path.Combine(dataDir, "underfs"), "--port", rpc.ToString(System.Globalization.CultureInfo.InvariantCulture), "--web-port", web.ToString(System.Globalization.CultureInfo.InvariantCulture), "--bind-address", "127.0.0.1" }.Concat(extraArgs))
        {
            info.ArgumentList.Add(arg);
        }

        var process = new Process { StartInfo = info };
        var silo = new SiloProcess(process, rpc, web, data, dataDir);
        process.OutputDataReceived += (_, e) => silo.Append(e.Data);
        process.ErrorDataReceived += (_, e) => silo.Append(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return silo;
    }

    /// <summary>Runs alluxio-silo to completion (for --help and start-up failures) and returns its exit code and output.</summary>
    public static async Task<(int ExitCode, string Output)> RunToExitAsync(TimeSpan timeout, params string[] args)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(SiloAssembly);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"alluxio-silo {string.Join(' ', args)} did not exit within {timeout}.");
        }

        return (process.ExitCode, await stdout + await stderr);
    }

    /// <summary>Waits until the web port reports SERVING, or fails naming what the process printed.</summary>
    public async Task WaitUntilServingAsync(TimeSpan? timeout = null)
    {
        var limit = timeout ?? TimeSpan.FromSeconds(60);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow + limit;
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"alluxio-silo exited with {_process.ExitCode} before serving:\n{Output}");
            }

            try
            {
                var text = await http.GetStringAsync($"http://127.0.0.1:{WebPort}/health");
                if (text.Trim() == "SERVING")
                {
                    return;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet.
            }

            await Task.Delay(50);
        }

        throw new TimeoutException($"alluxio-silo did not report SERVING within {limit}:\n{Output}");
    }

    /// <summary>SIGKILL: the process dies at once, as in a crash.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync();
    }

    /// <summary>SIGTERM: a graceful stop; returns the exit code.</summary>
    public async Task<int> StopAsync(TimeSpan? timeout = null)
    {
        if (!_process.HasExited)
        {
            using var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
            await kill.WaitForExitAsync();
        }

        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(30));
        await _process.WaitForExitAsync(cts.Token);
        return _process.ExitCode;
    }

    /// <summary>Kills the process if it still runs.</summary>
    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }
    }
}
