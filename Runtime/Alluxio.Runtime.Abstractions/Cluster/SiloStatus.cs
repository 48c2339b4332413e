namespace Alluxio.Runtime.Cluster;

/// <summary>A silo's lifecycle state in the membership table (values as Orleans', persisted: never renumber).</summary>
public enum SiloStatus
{
    /// <summary>No status.</summary>
    None = 0,

    /// <summary>Created, not yet joining.</summary>
    Created = 1,

    /// <summary>Joining the cluster.</summary>
    Joining = 2,

    /// <summary>Serving.</summary>
    Active = 3,

    /// <summary>Shutting down gracefully.</summary>
    ShuttingDown = 4,

    /// <summary>Stopping.</summary>
    Stopping = 5,

    /// <summary>Dead: declared by itself on shutdown or by others after missed probes. Never comes back.</summary>
    Dead = 6,
}
