namespace Alluxio.RocksDb.Native;

/// <summary>Owns a <c>rocksdb_writeoptions_t*</c>.</summary>
internal sealed class WriteOptionsSafeHandle : RocksSafeHandle
{
    internal static WriteOptionsSafeHandle Create()
    {
        var owned = new WriteOptionsSafeHandle();
        owned.Attach(NativeMethods.rocksdb_writeoptions_create());
        return owned;
    }

    protected override bool ReleaseHandle()
    {
        NativeMethods.rocksdb_writeoptions_destroy(handle);
        return true;
    }
}
