using Alluxio.Client;
using Alluxio.Testing.Processes;
using Xunit;

namespace Alluxio.Cli.Tests.EndToEnd;

/// <summary>
/// One real alluxio-silo process per test class, in its own temporary directory: data under <c>data/</c>, the root
/// UFS at <c>data/underfs</c>, room for other UFS folders beside it.
/// </summary>
public sealed class SiloFixture : IAsyncLifetime
{
    private readonly TempDirectory _temp = new();
    private SiloProcess? _silo;

    public SiloProcess Silo => _silo ?? throw new InvalidOperationException("The silo has not started.");

    /// <summary>HOST:PORT of the silo's gRPC endpoint.</summary>
    public string Master => $"127.0.0.1:{Silo.Port}";

    public string DataDir => _temp.Sub("data");

    /// <summary>The local folder mounted at "/".</summary>
    public string RootUfs => Path.Combine(DataDir, "underfs");

    /// <summary>The temporary directory holding the data directory (for extra UFS folders, backups, restores).</summary>
    public string Scratch(string name) => _temp.Sub(name);

    /// <summary>The root UFS path of an Alluxio path under the root mount.</summary>
    public string UfsPathOf(string alluxioPath) => Path.Combine(RootUfs, alluxioPath.TrimStart('/'));

    public async Task InitializeAsync()
    {
        _silo = SiloProcess.Start(DataDir);
        await _silo.WaitUntilServingAsync(TimeSpan.FromSeconds(90));
    }

    public async Task DisposeAsync()
    {
        if (_silo is not null)
        {
            await _silo.DisposeAsync();
        }

        _temp.Dispose();
    }

    /// <summary>Runs alluxio in-process against this silo (as the OS user, a superuser of the silo).</summary>
    public Task<CliResult> RunAsync(params string[] args) => Cli.RunAsync(["--master", Master, .. args]);

    /// <summary>Runs alluxio in-process against this silo with stdout captured as bytes (cat, head, tail).</summary>
    public Task<(int ExitCode, byte[] Out, string Error)> RunBinaryAsync(params string[] args) => Cli.RunBinaryAsync(["--master", Master, .. args]);

    /// <summary>Runs alluxio in-process against this silo as <paramref name="user"/>.</summary>
    public Task<CliResult> RunAsAsync(string user, params string[] args) => Cli.RunAsync(["--master", Master, "--user", user, .. args]);

    /// <summary>An SDK client, to check what a command did independently of the CLI's output.</summary>
    public FileSystem Client() => FileSystem.Connect(Master);

    /// <summary>A unique top-level directory name for one test.</summary>
    public static string Unique(string prefix) => $"/{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 10)];
}
