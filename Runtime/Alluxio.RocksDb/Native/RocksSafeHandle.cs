using System.Runtime.InteropServices;

namespace Alluxio.RocksDb.Native;

/// <summary>
/// Base of every handle that owns a RocksDB C object. Passing a handle to a <c>LibraryImport</c> stub AddRefs it for
/// the duration of the call, so a concurrent <see cref="SafeHandle.Dispose()"/> only marks it closed and the native
/// destroy runs when the last call returns; a call that starts after disposal gets
/// <see cref="ObjectDisposedException"/> instead of a dangling pointer. Constructing one loads librocksdb (a missing
/// library surfaces here as <see cref="RocksDbException"/>).
/// </summary>
internal abstract class RocksSafeHandle : SafeHandle
{
    protected RocksSafeHandle()
        : base(0, ownsHandle: true) => NativeLibraryLoader.EnsureLoaded();

    public override bool IsInvalid => handle == 0;

    /// <summary>Takes ownership of a freshly created native object.</summary>
    /// <exception cref="RocksDbException">The constructor returned null.</exception>
    protected void Attach(nint native)
    {
        if (native == 0)
        {
            throw new RocksDbException($"RocksDB returned no object for {GetType().Name}.");
        }

        SetHandle(native);
    }
}
