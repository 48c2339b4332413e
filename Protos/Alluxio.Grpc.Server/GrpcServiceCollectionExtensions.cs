using Alluxio.Grpc.Server.Health;
using Alluxio.Grpc.Server.Internal;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Alluxio.Grpc.Server;

/// <summary>Registration of the gRPC wire layer.</summary>
public static class GrpcServiceCollectionExtensions
{
    /// <summary>
    /// Registers the gRPC wire layer: routing, <see cref="GrpcServerOptions"/> (validated at start-up) and the
    /// <see cref="HealthService"/> singleton. Call before <c>MapGrpcService</c>; calling it again adds configuration.
    /// </summary>
    public static IServiceCollection AddGrpcWire(this IServiceCollection services, Action<GrpcServerOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddRouting();
        var options = services.AddOptions<GrpcServerOptions>();
        if (configure is not null)
            options.Configure(configure);
        options.ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<GrpcServerOptions>, GrpcServerOptionsValidator>());
        services.TryAddSingleton<HealthService>();
        services.TryAddSingleton(new GrpcWireMarker(services));
        return services;
    }
}
