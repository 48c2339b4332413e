namespace Alluxio.RocksDb.Native;

/// <summary>Owns a <c>rocksdb_block_based_table_options_t*</c>.</summary>
internal sealed class BlockBasedOptionsSafeHandle : RocksSafeHandle
{
    internal static BlockBasedOptionsSafeHandle Create()
    {
        var owned = new BlockBasedOptionsSafeHandle();
        owned.Attach(NativeMethods.rocksdb_block_based_options_create());
        return owned;
    }

    protected override bool ReleaseHandle()
    {
        NativeMethods.rocksdb_block_based_options_destroy(handle);
        return true;
    }
}
