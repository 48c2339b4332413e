using Alluxio.Grpc;
using Alluxio.Protos.Grpc.Health.V1;
using Alluxio.Testing.Processes;
using Xunit;

namespace Alluxio.Silo.Tests;

/// <summary>The real alluxio-silo executable, started as a process.</summary>
public sealed class SiloProcessTests
{
    private static readonly TimeSpan ExitLimit = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Help_describes_every_option()
    {
        var (code, output) = await SiloProcess.RunToExitAsync(ExitLimit, "--help");
        Assert.Equal(0, code);
        foreach (var option in new[] { "--data-dir", "--root-ufs", "--port", "--web-port", "--data-port", "--role", "--bind-address", "--tls-certificate", "--config", "--log-format" })
        {
            Assert.Contains(option, output);
        }

        Assert.Contains("Default 19998", output);
        Assert.Contains("Default ./data", output);
    }

    [Fact]
    public async Task Invalid_options_fail_before_anything_starts()
    {
        using var dir = new TempDirectory();
        var (code, output) = await SiloProcess.RunToExitAsync(ExitLimit, "--data-dir", dir.Sub("d"), "--port", "70000", "--role", "chef");
        Assert.Equal(2, code);
        Assert.Contains("--port must be between 1 and 65535 (was 70000)", output);
        Assert.Contains("'chef'", output);
        Assert.False(Directory.Exists(dir.Sub("d")), "an invalid configuration must not create the data directory");
    }

    [Fact]
    public async Task A_started_silo_serves_health_over_grpc_and_status_over_http_and_a_second_silo_on_its_data_dir_is_refused()
    {
        using var dir = new TempDirectory();
        await using var silo = SiloProcess.Start(dir.Sub("data"));
        await silo.WaitUntilServingAsync();

        using var channel = GrpcChannel.ForAddress(silo.Address);
        var check = Method<HealthCheckRequest, HealthCheckResponse>.From(HealthReflection.Descriptor.Services[0], "Check");
        var response = await channel.UnaryAsync(check, new HealthCheckRequest(), new CallOptions(deadline: DateTime.UtcNow.AddSeconds(10)));
        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, response.Status);

        // The worker's data port (the silo's own HTTP/2 server) answers health too.
        using var data = GrpcChannel.ForAddress($"http://127.0.0.1:{silo.DataPort}");
        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, (await data.UnaryAsync(check, new HealthCheckRequest(), new CallOptions(deadline: DateTime.UtcNow.AddSeconds(10)))).Status);

        using var http = new HttpClient();
        var status = await http.GetStringAsync($"http://127.0.0.1:{silo.WebPort}/api/v1/status");
        Assert.Contains("\"status\":\"Active\"", status);
        Assert.Contains($"\"dataPort\":{silo.DataPort}", status);
        Assert.True(Directory.Exists(Path.Combine(dir.Sub("data"), "underfs")), "the root UFS folder is created");

        var (code, output) = await SiloProcess.RunToExitAsync(ExitLimit, "--data-dir", dir.Sub("data"), "--port", FreePort.Next().ToString(System.Globalization.CultureInfo.InvariantCulture), "--web-port", "0");
        Assert.Equal(3, code);
        Assert.Contains("is in use by another silo", output);
        Assert.Contains($"pid {silo.Pid}", output);

        Assert.Equal(0, await silo.StopAsync());
    }

    [Fact]
    public async Task A_killed_silo_leaves_its_data_dir_usable_by_the_next_one()
    {
        using var dir = new TempDirectory();
        await using (var first = SiloProcess.Start(dir.Sub("data")))
        {
            await first.WaitUntilServingAsync();
            await first.KillAsync();
        }

        await using var second = SiloProcess.Start(dir.Sub("data"));
        await second.WaitUntilServingAsync();
    }
}
