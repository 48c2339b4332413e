namespace Alluxio.RocksDb.Native;

/// <summary>Owns a <c>rocksdb_options_t*</c>.</summary>
internal sealed class OptionsSafeHandle : RocksSafeHandle
{
    internal static OptionsSafeHandle Create()
    {
        var owned = new OptionsSafeHandle();
        owned.Attach(NativeMethods.rocksdb_options_create());
        return owned;
    }

    protected override bool ReleaseHandle()
    {
        NativeMethods.rocksdb_options_destroy(handle);
        return true;
    }
}
