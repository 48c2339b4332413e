using Alluxio.Runtime.Cluster;
using Alluxio.Silo.Hosting;
using Microsoft.Extensions.Options;

namespace Alluxio.Silo.Web;

/// <summary>What the status endpoints report about this silo.</summary>
internal sealed class SiloStatus(ISiloStatusOracle oracle, IOptions<SiloHostOptions> options, TimeProvider time, IServiceProvider services)
{
    private readonly DateTimeOffset _started = new(System.Diagnostics.Process.GetCurrentProcess().StartTime.ToUniversalTime());

    public object Snapshot() => new
    {
        silo = oracle.LocalSilo.ToString(),
        status = oracle.CurrentStatus.ToString(),
        roles = options.Value.EffectiveRoles,
        dataDir = Path.GetFullPath(options.Value.DataDir),
        rootUfs = Path.GetFullPath(options.Value.RootUfs),
        rpcPort = options.Value.Port,
        webPort = options.Value.WebPort,
        dataPort = services.GetService(typeof(WorkerDataServer)) is WorkerDataServer data ? data.Port : -1, // the bound port (-1: off)
        startedAt = _started,
        uptimeSeconds = (long)(time.GetUtcNow() - _started).TotalSeconds,
        version = typeof(SiloStatus).Assembly.GetName().Version?.ToString(),
    };
}
