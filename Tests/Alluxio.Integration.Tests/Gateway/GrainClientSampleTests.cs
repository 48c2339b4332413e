using System.Diagnostics;
using Alluxio.Client;
using Alluxio.Testing.Processes;
using Xunit;

namespace Alluxio.Integration.Tests.Gateway;

/// <summary>examples/GrainClientSample run as its own process against a live silo, as its README says.</summary>
[Collection(GatewaySiloCollection.Name)]
public sealed class GrainClientSampleTests(GatewaySilo silo)
{
    private static string Sample => Path.Combine(AppContext.BaseDirectory, "alluxio-grain-sample.dll");

    [Fact]
    public async Task The_sample_service_reports_its_directory_through_the_gateway()
    {
        var (exit, output) = await RunAsync("--gateway", silo.Address, "--path", "/open/sample-it", "--once");

        Assert.True(exit == 0, $"The sample failed (exit {exit}):{Environment.NewLine}{output}");
        Assert.Contains("/sample-it/heartbeat-", output, StringComparison.Ordinal);
        using var fs = FileSystem.Connect(silo.Address);
        var files = new List<string>();
        await foreach (var entry in fs.ListStatusAsync("/open/sample-it"))
        {
            files.Add(entry.Path);
        }

        var heartbeat = Assert.Single(files);
        await using var stream = await fs.OpenReadAsync(heartbeat);
        using var reader = new StreamReader(stream);
        Assert.StartsWith("written by ", await reader.ReadToEndAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_sample_fails_clearly_when_no_silo_answers()
    {
        var (exit, output) = await RunAsync("--gateway", $"127.0.0.1:{FreePort.Next()}", "--once");

        Assert.NotEqual(0, exit);
        Assert.Contains("UnavailableException", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_argument_is_a_usage_error()
    {
        var (exit, output) = await RunAsync("--path", "relative");

        Assert.Equal(2, exit);
        Assert.Contains("Usage:", output, StringComparison.Ordinal);
    }

    private static async Task<(int Exit, string Output)> RunAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Sample);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        try
        {
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(90));
        }
        catch (TimeoutException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return (process.ExitCode, await stdout + await stderr);
    }
}
