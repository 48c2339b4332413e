namespace Alluxio.Runtime.Cluster;

/// <summary>
/// Maps a grain to its single activation in the cluster. <see cref="Register"/> is first-writer-wins: it returns the
/// address already registered when there is one (the caller must then drop its own activation), otherwise stores and
/// returns the given address. <see cref="Unregister"/> removes the entry only if it is still exactly the
/// given address (so a late unregister never removes a successor). Single silo: an in-memory map; a
/// cluster: a DHT on the membership ring.
/// </summary>
public interface IGrainDirectory
{
    /// <summary>Registers an activation, or returns the one that won.</summary>
    ValueTask<GrainAddress> Register(GrainAddress address);

    /// <summary>Removes a registration if it still matches.</summary>
    ValueTask Unregister(GrainAddress address);

    /// <summary>The registered activation, or null.</summary>
    ValueTask<GrainAddress?> Lookup(GrainId grainId);

    /// <summary>Drops every registration on the given (dead) silos.</summary>
    ValueTask UnregisterSilos(IReadOnlyCollection<SiloAddress> siloAddresses);
}
