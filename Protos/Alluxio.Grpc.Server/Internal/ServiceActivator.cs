using Microsoft.Extensions.DependencyInjection;

namespace Alluxio.Grpc.Server.Internal;

/// <summary>
/// Supplies the service instance for each call, by how TService is registered: a singleton is resolved once and
/// shared; a scoped or transient service is resolved from the request's scope per call (DI disposes it); an
/// unregistered type is created per call with ActivatorUtilities and disposed after the call.
/// </summary>
internal sealed class ServiceActivator<TService>
    where TService : class
{
    private readonly Mode _mode;
    private readonly IServiceProvider _root;
    private readonly ObjectFactory<TService>? _factory;
    private TService? _singleton;

    private ServiceActivator(Mode mode, IServiceProvider root)
    {
        _mode = mode;
        _root = root;
        if (mode == Mode.Activated)
            _factory = ActivatorUtilities.CreateFactory<TService>([]);
    }

    private enum Mode
    {
        Singleton,
        RequestScope,
        Activated,
    }

    public bool NeedsRelease => _mode == Mode.Activated;

    public string Description => _mode switch
    {
        Mode.Singleton => "DI singleton, shared by every call",
        Mode.RequestScope => "resolved from the request scope per call",
        _ => "not registered: created per call by ActivatorUtilities and disposed after it",
    };

    public static ServiceActivator<TService> Create(IServiceCollection services, IServiceProvider root)
    {
        ServiceLifetime? lifetime = null;
        foreach (var descriptor in services)
        {
            if (descriptor.ServiceType == typeof(TService) && !descriptor.IsKeyedService)
                lifetime = descriptor.Lifetime;
        }

        var mode = lifetime switch
        {
            ServiceLifetime.Singleton => Mode.Singleton,
            null => Mode.Activated,
            _ => Mode.RequestScope,
        };
        return new ServiceActivator<TService>(mode, root);
    }

    public TService Get(ServerCallContext context)
    {
        if (_mode == Mode.Singleton)
            return _singleton ??= _root.GetRequiredService<TService>();
        var services = ((HttpServerCallContext)context).Transport.RequestServices;
        return _mode == Mode.RequestScope ? services.GetRequiredService<TService>() : _factory!(services, null);
    }

    public static async ValueTask ReleaseAsync(TService service)
    {
        if (service is IAsyncDisposable asyncDisposable)
            await asyncDisposable.DisposeAsync().ConfigureAwait(false);
        else if (service is IDisposable disposable)
            disposable.Dispose();
    }
}
