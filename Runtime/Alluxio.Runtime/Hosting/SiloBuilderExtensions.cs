using System.Net;
using System.Reflection;
using Alluxio.Runtime.Cluster;
using Alluxio.Runtime.Configuration;
using Alluxio.Runtime.Storage;
using Alluxio.Runtime.Storage.RocksDb;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace Alluxio.Runtime.Hosting;

/// <summary>Silo configuration in Orleans' style.</summary>
public static class SiloBuilderExtensions
{
    /// <summary>Hosts the grain classes of <paramref name="assembly"/>.</summary>
    public static ISiloBuilder AddGrainAssembly(this ISiloBuilder builder, Assembly assembly)
    {
        builder.Services.Configure<GrainAssemblyOptions>(o => o.Assemblies.Add(assembly));
        return builder;
    }

    /// <summary>A single silo on this machine: in-memory membership and directory, silo endpoint 127.0.0.1:<paramref name="siloPort"/>.</summary>
    public static ISiloBuilder UseLocalhostClustering(this ISiloBuilder builder, int siloPort = 11111, string clusterId = "dev", string serviceId = "dev")
    {
        builder.Services.Configure<SiloOptions>(o => o.SiloEndpoint = new IPEndPoint(IPAddress.Loopback, siloPort));
        builder.Services.Configure<ClusterOptions>(o =>
        {
            o.ClusterId = clusterId;
            o.ServiceId = serviceId;
        });
        builder.Services.Replace(ServiceDescriptor.Singleton<IMembershipTable, InMemoryMembershipTable>());
        return builder;
    }

    /// <summary>Registers a named in-memory grain storage provider (tests, throw-away silos).</summary>
    public static ISiloBuilder AddMemoryGrainStorage(this ISiloBuilder builder, string name)
    {
        builder.Services.AddKeyedSingleton<IGrainStorage>(name, (sp, _) => new MemoryGrainStorage(sp.GetRequiredService<IGrainStorageSerializer>()));
        return builder;
    }

    /// <summary>Registers the in-memory provider as the default one.</summary>
    public static ISiloBuilder AddMemoryGrainStorageAsDefault(this ISiloBuilder builder) =>
        builder.AddMemoryGrainStorage(ProviderConstants.DefaultStorageProviderName);

    /// <summary>Registers a named RocksDB grain storage provider (durable, group-committed).</summary>
    public static ISiloBuilder AddRocksDbGrainStorage(this ISiloBuilder builder, string name, Action<RocksDbGrainStorageOptions> configure)
    {
        builder.Services.AddKeyedSingleton<IGrainStorage>(name, (sp, _) =>
        {
            var options = new RocksDbGrainStorageOptions();
            configure(options);
            return new RocksDbGrainStorage(options, sp.GetRequiredService<IGrainStorageSerializer>(), sp.GetRequiredService<ILogger<RocksDbGrainStorage>>());
        });
        return builder;
    }

    /// <summary>Registers the RocksDB provider as the default one.</summary>
    public static ISiloBuilder AddRocksDbGrainStorageAsDefault(this ISiloBuilder builder, Action<RocksDbGrainStorageOptions> configure) =>
        builder.AddRocksDbGrainStorage(ProviderConstants.DefaultStorageProviderName, configure);
}
