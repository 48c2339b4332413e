using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Alluxio.Client;

/// <summary>Registers the Alluxio client with dependency injection.</summary>
public static class AlluxioClientServiceCollectionExtensions
{
    /// <summary>
    /// Registers one shared <see cref="FileSystem"/> (a singleton: one connection pool for the process, disposed with the
    /// container) built from <see cref="FileSystemClientOptions"/>, configured by <paramref name="configure"/>. Example:
    /// <code>services.AddAlluxioClient(o => o.Masters = ["master-1:19998", "master-2:19998"]);</code>
    /// The options are validated when the client is first resolved: at least one master address is required.
    /// </summary>
    public static IServiceCollection AddAlluxioClient(this IServiceCollection services, Action<FileSystemClientOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<FileSystemClientOptions>().Configure(configure);
        return AddClient(services);
    }

    /// <summary>
    /// Registers the <see cref="FileSystem"/> with options bound from a configuration section whose keys are the option
    /// names, e.g. <c>"Alluxio": { "Masters": [ "localhost:19998" ], "User": "etl", "DefaultWriteType": "CacheThrough" }</c>.
    /// </summary>
    public static IServiceCollection AddAlluxioClient(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<FileSystemClientOptions>().Bind(configuration);
        return AddClient(services);
    }

    /// <summary>
    /// Registers a <see cref="Gateway.GrainClient"/> as the process's <see cref="Runtime.IClusterClient"/> and
    /// <see cref="Runtime.IGrainFactory"/> (a singleton), for calling grains through silos' gateways. Example:
    /// <code>services.AddAlluxioGrainClient(o => o.Gateways = ["localhost:19998"]);</code>
    /// </summary>
    public static IServiceCollection AddAlluxioGrainClient(this IServiceCollection services, Action<Gateway.GrainClientOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<Gateway.GrainClientOptions>().Configure(configure);
        services.TryAddSingleton(sp => Gateway.GrainClient.Connect(sp.GetRequiredService<IOptions<Gateway.GrainClientOptions>>().Value));
        services.TryAddSingleton<Runtime.IClusterClient>(sp => sp.GetRequiredService<Gateway.GrainClient>());
        services.TryAddSingleton<Runtime.IGrainFactory>(sp => sp.GetRequiredService<Gateway.GrainClient>());
        return services;
    }

    private static IServiceCollection AddClient(IServiceCollection services)
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<FileSystemClientOptions>, FileSystemClientOptionsValidator>());
        services.TryAddSingleton(sp => FileSystem.Connect(sp.GetRequiredService<IOptions<FileSystemClientOptions>>().Value));
        return services;
    }
}
