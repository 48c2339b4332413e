namespace Alluxio.RocksDb.Native;

/// <summary>Owns a <c>rocksdb_writebatch_t*</c>.</summary>
internal sealed class WriteBatchSafeHandle : RocksSafeHandle
{
    internal static WriteBatchSafeHandle Create()
    {
        var owned = new WriteBatchSafeHandle();
        owned.Attach(NativeMethods.rocksdb_writebatch_create());
        return owned;
    }

    protected override bool ReleaseHandle()
    {
        NativeMethods.rocksdb_writebatch_destroy(handle);
        return true;
    }
}
