using Alluxio.Runtime.Activation;
using Alluxio.Runtime.Cluster;
using Alluxio.Runtime.Configuration;
using Alluxio.Runtime.Messaging;
using Alluxio.Runtime.Metadata;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Alluxio.Runtime.Hosting;

/// <summary>
/// Starts and stops the silo with the host. Start: validate options, load grain classes, join membership, start
/// idle collection. Stop: deactivate every activation (running OnDeactivateAsync), leave membership.
/// </summary>
internal sealed partial class SiloLifecycle(
    GrainClassRegistry registry,
    SingleSiloStatusOracle oracle,
    ActivationCollector collector,
    Catalog catalog,
    CallTimeoutTracker timeouts,
    IOptions<ClusterOptions> cluster,
    IOptions<SiloOptions> silo,
    IOptions<SiloMessagingOptions> messaging,
    IOptions<GrainCollectionOptions> collection,
    ILocalSiloDetails details,
    ILogger<SiloLifecycle> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        // Touch every options object so a bad value fails start-up with its message instead of a later call.
        _ = (cluster.Value, silo.Value, messaging.Value, collection.Value);
        LogStarting(details.SiloAddress, cluster.Value.ClusterId, cluster.Value.ServiceId, registry.Classes.Count(),
            messaging.Value.ResponseTimeout, collection.Value.CollectionAge);
        await oracle.JoinAsync();
        collector.Start();
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        LogStopping(details.SiloAddress);
        collector.Dispose();
        await catalog.DeactivateAllAsync(
            new DeactivationReason(DeactivationReasonCode.ShuttingDown, "The silo is shutting down."),
            collection.Value.DeactivationTimeout);
        timeouts.Dispose();
        await oracle.LeaveAsync();
    }

    [LoggerMessage(4001, LogLevel.Information,
        "Silo {Silo} starting: cluster {ClusterId}, service {ServiceId}, {GrainClasses} grain classes, response timeout {ResponseTimeout}, collection age {CollectionAge}")]
    private partial void LogStarting(SiloAddress silo, string clusterId, string serviceId, int grainClasses, TimeSpan responseTimeout, TimeSpan collectionAge);

    [LoggerMessage(4002, LogLevel.Information, "Silo {Silo} stopping")]
    private partial void LogStopping(SiloAddress silo);
}
