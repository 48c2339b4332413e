using Alluxio.Runtime.Cluster;
using Alluxio.Runtime.Configuration;
using Alluxio.Runtime.References;
using Alluxio.Runtime.Timers;
using Microsoft.Extensions.Logging;

namespace Alluxio.Runtime.Activation;

/// <summary>Services every activation uses, bundled so an activation holds one reference instead of ten.</summary>
internal sealed class ActivationShared(
    IServiceProvider services,
    GrainInstanceActivator activator,
    IGrainDirectory directory,
    ILocalSiloDetails silo,
    Lazy<GrainFactory> factory,
    TimerRegistry timerRegistry,
    TimeProvider time,
    GrainCollectionOptions collection,
    SiloMessagingOptions messaging,
    ILogger<ActivationData> logger)
{
    public IServiceProvider Services { get; } = services;

    public GrainInstanceActivator Activator { get; } = activator;

    public IGrainDirectory Directory { get; } = directory;

    public ILocalSiloDetails Silo { get; } = silo;

    public GrainFactory Factory => factory.Value;

    public TimerRegistry TimerRegistry { get; } = timerRegistry;

    public TimeProvider Time { get; } = time;

    public GrainCollectionOptions Collection { get; } = collection;

    public SiloMessagingOptions Messaging { get; } = messaging;

    public ILogger<ActivationData> Logger { get; } = logger;

    public long CollectionAgeTicks(TimeSpan age) => (long)(age.TotalSeconds * Time.TimestampFrequency);
}
