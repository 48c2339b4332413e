using Alluxio.Runtime.Cluster;
using Alluxio.Silo.Hosting;
using Microsoft.Extensions.Options;

namespace Alluxio.Silo.Web;

/// <summary>What the status endpoints report about this silo.</summary>
internal sealed class SiloStatus(ISiloStatusOracle oracle, IOptions<SiloHostOptions> options, TimeProvider time)
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
        startedAt = _started,
        uptimeSeconds = (long)(time.GetUtcNow() - _started).TotalSeconds,
        version = typeof(SiloStatus).Assembly.GetName().Version?.ToString(),
    };
}
