using System.Collections.Concurrent;

namespace Alluxio.Runtime.Cluster;

/// <summary>
/// <see cref="IGrainDirectory"/> for a single silo: an in-memory map with the same first-writer-wins and
/// compare-and-remove contract the distributed directory keeps.
/// </summary>
public sealed class LocalGrainDirectory : IGrainDirectory
{
    private readonly ConcurrentDictionary<GrainId, GrainAddress> _entries = new();

    /// <summary>Registered activations.</summary>
    public int Count => _entries.Count;

    /// <inheritdoc/>
    public ValueTask<GrainAddress> Register(GrainAddress address) => ValueTask.FromResult(_entries.GetOrAdd(address.GrainId, address));

    /// <inheritdoc/>
    public ValueTask Unregister(GrainAddress address)
    {
        _entries.TryRemove(KeyValuePair.Create(address.GrainId, address));
        return ValueTask.CompletedTask;
    }

    /// <inheritdoc/>
    public ValueTask<GrainAddress?> Lookup(GrainId grainId) =>
        ValueTask.FromResult(_entries.TryGetValue(grainId, out var address) ? address : null);

    /// <inheritdoc/>
    public ValueTask UnregisterSilos(IReadOnlyCollection<SiloAddress> siloAddresses)
    {
        foreach (var entry in _entries)
        {
            if (siloAddresses.Contains(entry.Value.SiloAddress))
            {
                _entries.TryRemove(entry);
            }
        }

        return ValueTask.CompletedTask;
    }
}
