using System.Runtime.InteropServices;

namespace Alluxio.RocksDb.Native;

/// <summary>
/// A handle whose native object points into other native objects (its parents: the DB, a column family, read
/// options). It holds a reference on each parent from before the native object exists until after it is destroyed,
/// so disposing a parent first only defers the parent's own destroy: RocksDB never sees a child outlive its DB.
/// </summary>
internal abstract class DependentSafeHandle : RocksSafeHandle
{
    private SafeHandle? _parent0;
    private SafeHandle? _parent1;
    private SafeHandle? _parent2;

    /// <summary>AddRefs <paramref name="parent"/>; throws <see cref="ObjectDisposedException"/> if it is closed.</summary>
    protected void AddParent(SafeHandle parent)
    {
        var added = false;
        parent.DangerousAddRef(ref added);
        if (_parent0 is null)
        {
            _parent0 = parent;
        }
        else if (_parent1 is null)
        {
            _parent1 = parent;
        }
        else if (_parent2 is null)
        {
            _parent2 = parent;
        }
        else
        {
            parent.DangerousRelease();
            throw new InvalidOperationException("A dependent handle has at most three parents.");
        }
    }

    /// <summary>Releases the parents. Called after the native object is destroyed, or when creating it failed.</summary>
    protected void ReleaseParents()
    {
        Interlocked.Exchange(ref _parent2, null)?.DangerousRelease();
        Interlocked.Exchange(ref _parent1, null)?.DangerousRelease();
        Interlocked.Exchange(ref _parent0, null)?.DangerousRelease();
    }

    /// <summary>Destroys the native object; the parents are still alive while this runs.</summary>
    protected abstract void Destroy(nint native);

    protected sealed override bool ReleaseHandle()
    {
        Destroy(handle);
        ReleaseParents();
        return true;
    }
}
