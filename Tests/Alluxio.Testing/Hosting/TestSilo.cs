using Alluxio.Runtime;
using Alluxio.Runtime.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Alluxio.Testing.Hosting;

/// <summary>
/// A real silo (the production runtime and services) in the test process, on a host without default configuration
/// sources so tests are isolated from the machine's environment.
/// </summary>
public sealed class TestSilo : IAsyncDisposable
{
    private TestSilo(IHost host)
    {
        Host = host;
    }

    /// <summary>The host.</summary>
    public IHost Host { get; }

    /// <summary>The silo's services.</summary>
    public IServiceProvider Services => Host.Services;

    /// <summary>The silo's grain factory.</summary>
    public IGrainFactory GrainFactory => Host.Services.GetRequiredService<IGrainFactory>();

    /// <summary>Builds and starts a silo with in-memory default storage plus whatever <paramref name="configure"/> adds.</summary>
    public static async Task<TestSilo> StartAsync(
        Action<ISiloBuilder>? configure = null,
        Action<IServiceCollection>? services = null,
        IDictionary<string, string?>? settings = null,
        TimeProvider? time = null)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(settings ?? new Dictionary<string, string?>());
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        if (time is not null)
        {
            builder.Services.AddSingleton(time);
        }

        services?.Invoke(builder.Services);
        builder.UseGrainRuntime(silo =>
        {
            silo.UseLocalhostClustering();
            silo.AddMemoryGrainStorageAsDefault();
            configure?.Invoke(silo);
        });
        var host = builder.Build();
        await host.StartAsync();
        return new TestSilo(host);
    }

    /// <summary>Stops the silo (deactivating every grain) and disposes the host.</summary>
    public async ValueTask DisposeAsync()
    {
        await Host.StopAsync();
        Host.Dispose();
    }
}
