using Alluxio.Grpc.Server.Health;
using Alluxio.Protos.Grpc.Health.V1;

namespace Alluxio.Silo.Hosting;

/// <summary>Reports SERVING on grpc.health.v1 once the silo has started, and NOT_SERVING from the moment it stops.</summary>
internal sealed class HealthReporter(HealthService health, IHostApplicationLifetime lifetime) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStarted.Register(() => health.SetStatus(string.Empty, HealthCheckResponse.Types.ServingStatus.Serving));
        lifetime.ApplicationStopping.Register(health.Shutdown);
        health.SetStatus(string.Empty, HealthCheckResponse.Types.ServingStatus.NotServing);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
