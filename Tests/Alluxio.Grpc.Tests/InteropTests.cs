using Alluxio.Testing.Processes;
using Xunit;
using ServingStatus = Alluxio.Protos.Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus;

namespace Alluxio.Grpc.Tests;

/// <summary>
/// A real, independent gRPC implementation (Debian's python3-grpcio, C core) against our Kestrel server. Fails,
/// rather than skips, when Python or grpcio is missing: CI installs them (<see cref="PythonScript"/>).
/// </summary>
public abstract class InteropTests(TestHostFixture fixture) : IDisposable
{
    /// <summary>Against Kestrel.</summary>
    public sealed class OnKestrel(KestrelHostFixture fixture) : InteropTests(fixture), IClassFixture<KestrelHostFixture>;

    /// <summary>Against the project's own HTTP/2 server.</summary>
    public sealed class OnHttp2(Http2HostFixture fixture) : InteropTests(fixture), IClassFixture<Http2HostFixture>;

    private readonly string _dir = Directory.CreateTempSubdirectory("alluxio-grpc-interop-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task Python_grpcio_client_passes_every_check()
    {
        await PythonScript.RequireGrpcAsync();

        // Stubs from the very .proto files the server is built from.
        var protos = Path.Combine(AppContext.BaseDirectory, "protos");
        await PythonScript.GenerateStubsAsync(_dir,
            (Path.Combine(protos, "alluxio", "grpc", "health", "v1", "health.proto"), "alluxio_health"),
            (Path.Combine(protos, "test", "echo.proto"), "alluxio_echo"));

        var health = fixture.Host.Health;
        health.SetStatus("alluxio.interop.Watched", ServingStatus.Serving);
        var script = Path.Combine(AppContext.BaseDirectory, "interop", "interop_client.py");
        var result = await PythonScript.RunAsync([script, "--port", fixture.Host.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--stubs", _dir],
            "the Python interop script", onLine: line =>
            {
                if (line == "WATCHING")
                    health.SetStatus("alluxio.interop.Watched", ServingStatus.NotServing);
            });

        Assert.True(result.ExitCode == 0, $"The Python interop script failed (exit {result.ExitCode}):{Environment.NewLine}{result.Output}");
        Assert.Contains("ALL PASSED", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("FAIL", result.Output, StringComparison.Ordinal);
    }
}
