using System.Collections.Concurrent;
using Alluxio.Grains.Exceptions;
using Alluxio.Protos.Meta;
using Alluxio.Ufs;

namespace Alluxio.Grains.FileSystem.Mounts;

/// <summary>
/// The UFS connector of each mount, created on first use from the committed mount record (read-only mounts are
/// wrapped so that no write can reach the UFS) and dropped on unmount or update. Thread-safe.
/// </summary>
public sealed class UfsManager(UnderFileSystemRegistry registry) : IAsyncDisposable
{
    private readonly ConcurrentDictionary<long, Lazy<IUnderFileSystem>> _connectors = new();

    /// <summary>Wraps every connector this manager creates (tests inject faults here).</summary>
    public Func<MountRecord, IUnderFileSystem, IUnderFileSystem>? Decorate { get; set; }

    public UnderFileSystemRegistry Registry => registry;

    /// <summary>The connector of <paramref name="mount"/>.</summary>
    public IUnderFileSystem Get(MountRecord mount) =>
        _connectors.GetOrAdd(mount.MountId, _ => new Lazy<IUnderFileSystem>(() => Create(mount))).Value;

    /// <summary>Forgets (and disposes) a mount's connector.</summary>
    public async Task RemoveAsync(long mountId)
    {
        if (_connectors.TryRemove(mountId, out var connector) && connector.IsValueCreated)
        {
            await connector.Value.DisposeAsync();
        }
    }

    private IUnderFileSystem Create(MountRecord mount)
    {
        IUnderFileSystem ufs;
        try
        {
            ufs = registry.Create(mount.UfsUri, mount.Properties);
        }
        catch (UfsException e)
        {
            throw new UnavailableException($"The UFS of mount {mount.AlluxioPath} ({mount.UfsUri}) cannot be used: {e.Message}", e);
        }

        if (mount.ReadOnly)
        {
            ufs = new ReadOnlyUnderFileSystem(ufs);
        }

        return Decorate is { } decorate ? decorate(mount, ufs) : ufs;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var connector in _connectors.Values.Where(c => c.IsValueCreated))
        {
            await connector.Value.DisposeAsync();
        }

        _connectors.Clear();
    }
}
