namespace Alluxio.Metastore.Locks;

/// <summary>Locks held by one operation; disposing releases them all (once).</summary>
public sealed class LockSet(MetadataLockManager manager, IReadOnlyList<LockRequest> held) : IDisposable
{
    private int _released;

    public IReadOnlyList<LockRequest> Held => held;

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _released, 1) == 0)
        {
            manager.Release(held);
        }
    }
}
