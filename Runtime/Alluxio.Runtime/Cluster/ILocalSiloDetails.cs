namespace Alluxio.Runtime.Cluster;

/// <summary>This silo's identity.</summary>
public interface ILocalSiloDetails
{
    /// <summary>The silo's address (endpoint and generation).</summary>
    SiloAddress SiloAddress { get; }

    /// <summary>The silo's name.</summary>
    string Name { get; }

    /// <summary>The roles it serves.</summary>
    IReadOnlyList<string> Roles { get; }
}
