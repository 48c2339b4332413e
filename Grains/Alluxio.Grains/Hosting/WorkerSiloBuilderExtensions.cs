using Alluxio.Grains.Persistence;
using Alluxio.Grains.Worker;
using Alluxio.Runtime.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Alluxio.Grains.Hosting;

/// <summary>Adds the worker role (tier store, data path, reports to the block master) to a silo that also hosts the master.</summary>
public static class WorkerSiloBuilderExtensions
{
    /// <summary>
    /// Hosts a worker whose state lives in <paramref name="dataDirectory"/> (its id, the default SSD tier) and whose
    /// BlockWorker service clients reach at <paramref name="address"/> (host:port).
    /// </summary>
    public static ISiloBuilder AddWorker(this ISiloBuilder silo, string dataDirectory, string address, Action<WorkerOptions>? configure = null) =>
        silo.AddWorker(dataDirectory, _ => address, configure);

    /// <summary>
    /// As <see cref="AddWorker(ISiloBuilder, string, string, Action{WorkerOptions}?)"/>, the address found when the
    /// worker starts (a data port bound to any free port is known only then).
    /// </summary>
    public static ISiloBuilder AddWorker(this ISiloBuilder silo, string dataDirectory, Func<IServiceProvider, string> address, Action<WorkerOptions>? configure = null)
    {
        var services = silo.Services;
        services.AddOptions<WorkerOptions>().Configure(o => configure?.Invoke(o)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<WorkerOptions>>(new DelegateValidator<WorkerOptions>(o => o.Validate()));
        services.TryAddSingleton<Metrics.MetricsRegistry>();
        services.AddSingleton<LocalWorker>();
        services.AddSingleton<Persister>();
        services.AddHostedService(sp => new WorkerStartup(sp.GetRequiredService<LocalWorker>(), sp.GetRequiredService<Persister>(), dataDirectory, () => address(sp)));
        return silo;
    }

    /// <summary>Starts the worker, then the persister, after the master (hosted services start in order); stops them first.</summary>
    private sealed class WorkerStartup(LocalWorker worker, Persister persister, string dataDirectory, Func<string> address) : IHostedService
    {
        public async Task StartAsync(CancellationToken cancellationToken)
        {
            await worker.StartAsync(dataDirectory, address(), cancellationToken);
            persister.Start();
        }

        public async Task StopAsync(CancellationToken cancellationToken)
        {
            await persister.DisposeAsync();
            await worker.DisposeAsync();
        }
    }
}
