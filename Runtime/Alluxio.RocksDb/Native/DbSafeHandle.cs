namespace Alluxio.RocksDb.Native;

/// <summary>
/// Owns a <c>rocksdb_t*</c>. Column-family handles, iterators, snapshots and checkpoints hold references on it, so
/// <c>rocksdb_close</c> runs only after the last of them is destroyed.
/// </summary>
internal sealed class DbSafeHandle : RocksSafeHandle
{
    internal static DbSafeHandle Wrap(nint native)
    {
        var db = new DbSafeHandle();
        db.Attach(native);
        return db;
    }

    protected override bool ReleaseHandle()
    {
        NativeMethods.rocksdb_close(handle);
        return true;
    }
}
