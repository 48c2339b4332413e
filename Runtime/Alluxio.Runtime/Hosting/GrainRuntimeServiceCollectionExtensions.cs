using System.Reflection;
using Alluxio.Runtime.Activation;
using Alluxio.Runtime.Cluster;
using Alluxio.Runtime.Configuration;
using Alluxio.Runtime.Messaging;
using Alluxio.Runtime.Metadata;
using Alluxio.Runtime.Placement;
using Alluxio.Runtime.References;
using Alluxio.Runtime.Storage;
using Alluxio.Runtime.Timers;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Alluxio.Runtime.Hosting;

/// <summary>Adds the grain runtime to a host (Orleans' UseOrleans).</summary>
public static class GrainRuntimeServiceCollectionExtensions
{
    /// <summary>Adds a silo to the host and configures it.</summary>
    public static IHostApplicationBuilder UseGrainRuntime(this IHostApplicationBuilder builder, Action<ISiloBuilder>? configure = null)
    {
        builder.Services.AddGrainRuntime(builder.Configuration, configure);
        return builder;
    }

    /// <summary>Adds a silo to the host and configures it.</summary>
    public static IHostBuilder UseGrainRuntime(this IHostBuilder builder, Action<ISiloBuilder>? configure = null) =>
        builder.ConfigureServices((context, services) => services.AddGrainRuntime(context.Configuration, configure));

    /// <summary>Adds the silo's services. Options bind from the "Silo" configuration section and are validated at start-up.</summary>
    public static IServiceCollection AddGrainRuntime(this IServiceCollection services, IConfiguration configuration, Action<ISiloBuilder>? configure = null)
    {
        if (services.Any(d => d.ServiceType == typeof(GrainRuntimeMarker)))
        {
            throw new InvalidOperationException("The grain runtime was added twice to the same host.");
        }

        services.AddSingleton<GrainRuntimeMarker>();
        var section = configuration.GetSection("Silo");
        services.AddOptions<ClusterOptions>().Bind(section.GetSection("Cluster"));
        services.AddOptions<SiloOptions>().Bind(section);
        services.AddOptions<SiloMessagingOptions>().Bind(section.GetSection("Messaging"));
        services.AddOptions<GrainCollectionOptions>().Bind(section.GetSection("Collection"));
        services.AddOptions<GrainAssemblyOptions>();
        services.AddSingleton<IValidateOptions<ClusterOptions>>(new DelegateValidator<ClusterOptions>(o => o.Validate()));
        services.AddSingleton<IValidateOptions<SiloOptions>>(new DelegateValidator<SiloOptions>(o => o.Validate()));
        services.AddSingleton<IValidateOptions<SiloMessagingOptions>>(new DelegateValidator<SiloMessagingOptions>(o => o.Validate()));
        services.AddSingleton<IValidateOptions<GrainCollectionOptions>>(new DelegateValidator<GrainCollectionOptions>(o => o.Validate()));

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IGrainStorageSerializer, JsonGrainStorageSerializer>();
        services.TryAddSingleton<IMembershipTable, InMemoryMembershipTable>();
        services.TryAddSingleton<IGrainDirectory, LocalGrainDirectory>();
        services.TryAddSingleton<ILocalSiloDetails, LocalSiloDetails>();
        services.TryAddSingleton<ISiloTransport, LoopbackSiloTransport>();
        services.TryAddSingleton<SingleSiloStatusOracle>();
        services.TryAddSingleton<ISiloStatusOracle>(sp => sp.GetRequiredService<SingleSiloStatusOracle>());

        services.AddSingleton(sp => new GrainClassRegistry(GrainAssemblies(sp.GetRequiredService<IOptions<GrainAssemblyOptions>>().Value)));
        services.AddSingleton<PlacementService>();
        services.AddSingleton<CallTimeoutTracker>();
        services.AddSingleton<TimerRegistry>();
        services.AddSingleton<ITimerRegistry>(sp => sp.GetRequiredService<TimerRegistry>());
        services.AddSingleton<GrainInstanceActivator>();
        services.AddSingleton(sp => new Lazy<GrainFactory>(sp.GetRequiredService<GrainFactory>));
        services.AddSingleton(sp => new Lazy<ActivationShared>(() => new ActivationShared(
            sp,
            sp.GetRequiredService<GrainInstanceActivator>(),
            sp.GetRequiredService<IGrainDirectory>(),
            sp.GetRequiredService<ILocalSiloDetails>(),
            sp.GetRequiredService<Lazy<GrainFactory>>(),
            sp.GetRequiredService<TimerRegistry>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<IOptions<GrainCollectionOptions>>().Value,
            sp.GetRequiredService<IOptions<SiloMessagingOptions>>().Value,
            sp.GetRequiredService<ILogger<ActivationData>>())));
        services.AddSingleton<Catalog>();
        services.AddSingleton<ActivationCollector>();
        services.AddSingleton<GrainCallDispatcher>();
        services.AddSingleton<GrainFactory>();
        services.AddSingleton<IGrainFactory>(sp => sp.GetRequiredService<GrainFactory>());
        services.AddSingleton<IClusterClient>(sp => sp.GetRequiredService<GrainFactory>());
        services.AddSingleton<SiloLifecycle>();
        services.AddHostedService(sp => sp.GetRequiredService<SiloLifecycle>());

        configure?.Invoke(new SiloBuilder(services, configuration));
        return services;
    }

    private static IEnumerable<Assembly> GrainAssemblies(GrainAssemblyOptions options)
    {
        var abstractions = typeof(IGrain).Assembly.GetName().Name;
        var scanned = options.ScanLoadedAssemblies
            ? AppDomain.CurrentDomain.GetAssemblies().Where(a => !a.IsDynamic && a.GetReferencedAssemblies().Any(r => r.Name == abstractions))
            : [];
        return options.Assemblies.Concat(scanned).Distinct();
    }

    private sealed class GrainRuntimeMarker;
}
