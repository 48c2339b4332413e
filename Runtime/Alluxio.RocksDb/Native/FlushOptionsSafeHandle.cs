namespace Alluxio.RocksDb.Native;

/// <summary>Owns a <c>rocksdb_flushoptions_t*</c>.</summary>
internal sealed class FlushOptionsSafeHandle : RocksSafeHandle
{
    internal static FlushOptionsSafeHandle Create()
    {
        var owned = new FlushOptionsSafeHandle();
        owned.Attach(NativeMethods.rocksdb_flushoptions_create());
        return owned;
    }

    protected override bool ReleaseHandle()
    {
        NativeMethods.rocksdb_flushoptions_destroy(handle);
        return true;
    }
}
