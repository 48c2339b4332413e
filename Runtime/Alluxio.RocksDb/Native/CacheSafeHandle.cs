namespace Alluxio.RocksDb.Native;

/// <summary>
/// Owns a <c>rocksdb_cache_t*</c> (a wrapper around a shared_ptr). Table options that were given the cache keep
/// their own share, so this handle can be destroyed as soon as the options are built.
/// </summary>
internal sealed class CacheSafeHandle : RocksSafeHandle
{
    internal static CacheSafeHandle CreateLru(nuint capacity)
    {
        var cache = new CacheSafeHandle();
        cache.Attach(NativeMethods.rocksdb_cache_create_lru(capacity));
        return cache;
    }

    protected override bool ReleaseHandle()
    {
        NativeMethods.rocksdb_cache_destroy(handle);
        return true;
    }
}
