using System.Diagnostics;
using Xunit;

namespace Alluxio.Cli.Tests.EndToEnd;

/// <summary>The built alluxio.dll run as a process: real stdout/stderr, exit codes and ALLUXIO_MASTER.</summary>
public sealed class ExecutableTests(SiloFixture silo) : IClassFixture<SiloFixture>
{
    private static readonly string CliAssembly = Path.Combine(AppContext.BaseDirectory, "alluxio.dll");

    [Fact]
    public async Task CommandsRunWithTheMasterFromTheEnvironment()
    {
        var root = SiloFixture.Unique("exe");
        var mkdir = await RunAsync(["fs", "mkdir", root], silo.Master);
        Assert.Equal((0, $"Successfully created directory {root}\n", string.Empty), mkdir);

        var ls = await RunAsync(["fs", "ls", "-d", root], silo.Master);
        Assert.Equal(0, ls.ExitCode);
        Assert.EndsWith($"  DIR {root}\n", ls.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ErrorsAreOneLineOnStderrWithTheirExitCode()
    {
        var missing = await RunAsync(["fs", "ls", "/exe-missing"], silo.Master);
        Assert.Equal((3, string.Empty, "alluxio: Path \"/exe-missing\" does not exist.\n"), missing);

        var unknown = await RunAsync(["fs", "nonsense"], silo.Master);
        Assert.Equal(2, unknown.ExitCode);
        Assert.Equal(string.Empty, unknown.Out);
        Assert.StartsWith("alluxio: Unrecognized command or argument 'nonsense'.", unknown.Error, StringComparison.Ordinal);
        Assert.Single(unknown.Error.TrimEnd('\n').Split('\n'));
    }

    [Fact]
    public async Task HelpGoesToStdout()
    {
        var help = await RunAsync(["fs", "mount", "--help"], master: null);
        Assert.Equal(0, help.ExitCode);
        Assert.Contains("Example: alluxio fs mount --readonly", help.Out, StringComparison.Ordinal);
        Assert.Equal(string.Empty, help.Error);
    }

    [Fact]
    public async Task CatWritesBinaryBytesUnchangedToTheProcessStdout()
    {
        var root = SiloFixture.Unique("exebin");
        var bytes = LocalFiles.Random(200_000, seed: 50);
        using (var client = silo.Client())
        {
            await using var output = await client.OpenWriteAsync($"{root}/blob", new Grains.FileSystem.CreateFileOptions(Recursive: true));
            await output.WriteAsync(bytes);
        }

        var (exitCode, stdout, stderr) = await RunBinaryAsync(["fs", "-Dalluxio.user.file.readtype.default=NO_CACHE", "cat", $"{root}/blob"], silo.Master);

        Assert.Equal((0, string.Empty), (exitCode, stderr));
        Assert.True(bytes.AsSpan().SequenceEqual(stdout), $"the process wrote {stdout.Length} bytes that differ from the {bytes.Length} stored");
    }

    private static async Task<(int ExitCode, string Out, string Error)> RunAsync(string[] args, string? master)
    {
        var (exitCode, stdout, stderr) = await RunBinaryAsync(args, master);
        return (exitCode, System.Text.Encoding.UTF8.GetString(stdout), stderr);
    }

    private static async Task<(int ExitCode, byte[] Out, string Error)> RunBinaryAsync(string[] args, string? master)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(CliAssembly);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment.Remove("ALLUXIO_MASTER");
        info.Environment.Remove("ALLUXIO_USER");
        if (master is not null)
        {
            info.Environment["ALLUXIO_MASTER"] = master;
        }

        using var process = Process.Start(info)!;
        using var bytes = new MemoryStream();
        var stdout = process.StandardOutput.BaseStream.CopyToAsync(bytes);
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(Cli.Timeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"alluxio {string.Join(' ', args)} did not exit within {Cli.Timeout}.");
        }

        await stdout;
        return (process.ExitCode, bytes.ToArray(), await stderr);
    }
}
