namespace Alluxio.Runtime.Cluster;

/// <summary>This silo's view of which silos are alive. Single silo: only itself; a cluster: the membership protocol.</summary>
public interface ISiloStatusOracle
{
    /// <summary>This silo.</summary>
    SiloAddress LocalSilo { get; }

    /// <summary>This silo's own status.</summary>
    SiloStatus CurrentStatus { get; }

    /// <summary>Silos considered Active, in a stable order, each with its roles.</summary>
    IReadOnlyList<(SiloAddress Silo, IReadOnlyList<string> Roles)> ActiveSilos { get; }

    /// <summary>The status of a silo as this silo sees it.</summary>
    SiloStatus GetStatus(SiloAddress silo);
}
