namespace Alluxio.Runtime.Cluster;

/// <summary>The membership table's global version: every insert or update must present the next version (CAS).</summary>
public sealed record TableVersion(int Version, string VersionEtag)
{
    /// <summary>The version a writer must present for its change.</summary>
    public TableVersion Next() => this with { Version = Version + 1 };
}
