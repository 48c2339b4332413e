using System.Runtime.InteropServices;

namespace Alluxio.RocksDb.Native;

/// <summary>
/// Owns a <c>rocksdb_readoptions_t*</c> plus what it points to: the native options store raw pointers to the
/// iterate bounds and to the snapshot. Bound buffers are native copies and snapshots are AddRef'd; both are retained
/// until this handle is released (not when replaced), because a read or an iterator started earlier may still use
/// the previous pointer. Iterators hold a reference on this handle, so the bounds outlive them too.
/// </summary>
internal sealed unsafe class ReadOptionsSafeHandle : RocksSafeHandle
{
    private static readonly Lazy<ReadOptionsSafeHandle> s_default = new(Create);

    private readonly Lock _lock = new();
    private readonly List<nint> _buffers = [];
    private readonly List<SafeHandle> _snapshots = [];

    /// <summary>Process-wide default read options, never released; used when a call passes none.</summary>
    internal static ReadOptionsSafeHandle Default => s_default.Value;

    internal static ReadOptionsSafeHandle Create()
    {
        var options = new ReadOptionsSafeHandle();
        options.Attach(NativeMethods.rocksdb_readoptions_create());
        return options;
    }

    internal void SetSnapshot(SnapshotSafeHandle? snapshot)
    {
        var self = false;
        DangerousAddRef(ref self);
        try
        {
            nint native = 0;
            if (snapshot is not null)
            {
                var added = false;
                snapshot.DangerousAddRef(ref added);
                lock (_lock)
                {
                    _snapshots.Add(snapshot);
                }

                native = snapshot.DangerousGetHandle();
            }

            NativeMethods.rocksdb_readoptions_set_snapshot(this, native);
        }
        finally
        {
            DangerousRelease();
        }
    }

    internal void SetUpperBound(ReadOnlySpan<byte> key, bool clear) => SetBound(key, clear, upper: true);

    internal void SetLowerBound(ReadOnlySpan<byte> key, bool clear) => SetBound(key, clear, upper: false);

    protected override bool ReleaseHandle()
    {
        NativeMethods.rocksdb_readoptions_destroy(handle);
        foreach (var buffer in _buffers)
        {
            NativeMemory.Free((void*)buffer);
        }

        foreach (var snapshot in _snapshots)
        {
            snapshot.DangerousRelease();
        }

        return true;
    }

    private void SetBound(ReadOnlySpan<byte> key, bool clear, bool upper)
    {
        var self = false;
        DangerousAddRef(ref self);
        try
        {
            byte* copy = null;
            if (!clear)
            {
                // At least one byte so an empty bound is a real (non-null) key, not "no bound".
                copy = (byte*)NativeMemory.Alloc((nuint)Math.Max(key.Length, 1));
                lock (_lock)
                {
                    _buffers.Add((nint)copy);
                }

                key.CopyTo(new Span<byte>(copy, key.Length));
            }

            if (upper)
            {
                NativeMethods.rocksdb_readoptions_set_iterate_upper_bound(this, copy, (nuint)key.Length);
            }
            else
            {
                NativeMethods.rocksdb_readoptions_set_iterate_lower_bound(this, copy, (nuint)key.Length);
            }
        }
        finally
        {
            DangerousRelease();
        }
    }
}
