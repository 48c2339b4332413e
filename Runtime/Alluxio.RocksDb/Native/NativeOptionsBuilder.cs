namespace Alluxio.RocksDb.Native;

/// <summary>
/// Turns the plain option classes into native <c>rocksdb_options_t</c> objects. The caller owns (and disposes) the
/// result; RocksDB copies everything it needs when a DB or column family is opened or created. Prefix extractors and
/// filter policies are handed over to RocksDB (it stores them in shared_ptrs), block caches and table options are
/// shared/copied and freed here.
/// </summary>
internal static class NativeOptionsBuilder
{
    // RocksDB's OptimizeForPointLookup defaults (options.cc): a 10-bit bloom filter and a hash index in data blocks.
    private const double PointLookupBloomBits = 10;
    private const double PointLookupHashRatio = 0.75;
    private const double PointLookupMemtableBloomRatio = 0.02;
    private const int DataBlockBinarySearchAndHash = 1;

    /// <summary>DB-wide options (the column-family part of the object is not used by open).</summary>
    internal static OptionsSafeHandle ForDb(RocksDbOptions options)
    {
        options.Validate();
        var native = OptionsSafeHandle.Create();
        try
        {
            NativeMethods.rocksdb_options_set_create_if_missing(native, ToByte(options.CreateIfMissing));
            NativeMethods.rocksdb_options_set_create_missing_column_families(native, ToByte(options.CreateMissingColumnFamilies));
            if (options.Parallelism is { } threads)
            {
                NativeMethods.rocksdb_options_increase_parallelism(native, threads);
            }

            if (options.MaxBackgroundJobs is { } jobs)
            {
                NativeMethods.rocksdb_options_set_max_background_jobs(native, jobs);
            }

            if (options.MaxOpenFiles is { } files)
            {
                NativeMethods.rocksdb_options_set_max_open_files(native, files);
            }

            if (options.ParanoidChecks is { } paranoid)
            {
                NativeMethods.rocksdb_options_set_paranoid_checks(native, ToByte(paranoid));
            }

            NativeMethods.rocksdb_options_set_use_fsync(native, options.UseFsync ? 1 : 0);
            return native;
        }
        catch
        {
            native.Dispose();
            throw;
        }
    }

    /// <summary>Options for one column family.</summary>
    internal static OptionsSafeHandle ForColumnFamily(ColumnFamilyOptions options)
    {
        options.Validate();
        var native = OptionsSafeHandle.Create();
        try
        {
            if (options.WriteBufferSize is { } writeBufferSize)
            {
                NativeMethods.rocksdb_options_set_write_buffer_size(native, (nuint)writeBufferSize);
            }

            if (options.Compression is { } compression)
            {
                NativeMethods.rocksdb_options_set_compression(native, (int)compression);
            }

            if (options.FixedPrefixLength is { } prefixLength)
            {
                NativeMethods.rocksdb_options_set_prefix_extractor(
                    native, NativeMethods.rocksdb_slicetransform_create_fixed_prefix((nuint)prefixLength));
            }

            if (options.OptimizeForPointLookup)
            {
                NativeMethods.rocksdb_options_set_memtable_prefix_bloom_size_ratio(native, PointLookupMemtableBloomRatio);
                NativeMethods.rocksdb_options_set_memtable_whole_key_filtering(native, 1);
            }

            if (options.BloomFilterBitsPerKey is not null || options.BlockCacheSize is not null || options.OptimizeForPointLookup)
            {
                SetTableOptions(native, options);
            }

            return native;
        }
        catch
        {
            native.Dispose();
            throw;
        }
    }

    /// <summary>Options for the default column family when the caller did not describe it.</summary>
    internal static OptionsSafeHandle ForDefaultColumnFamily(RocksDbOptions options) =>
        ForColumnFamily(new ColumnFamilyOptions { WriteBufferSize = options.WriteBufferSize });

    private static void SetTableOptions(OptionsSafeHandle native, ColumnFamilyOptions options)
    {
        using var table = BlockBasedOptionsSafeHandle.Create();
        var bloomBits = options.BloomFilterBitsPerKey ?? (options.OptimizeForPointLookup ? PointLookupBloomBits : null);
        if (bloomBits is { } bits)
        {
            NativeMethods.rocksdb_block_based_options_set_filter_policy(
                table, NativeMethods.rocksdb_filterpolicy_create_bloom_full(bits));
        }

        if (options.OptimizeForPointLookup)
        {
            NativeMethods.rocksdb_block_based_options_set_data_block_index_type(table, DataBlockBinarySearchAndHash);
            NativeMethods.rocksdb_block_based_options_set_data_block_hash_ratio(table, PointLookupHashRatio);
        }

        if (options.BlockCacheSize is { } cacheSize)
        {
            using var cache = CacheSafeHandle.CreateLru((nuint)cacheSize);
            NativeMethods.rocksdb_block_based_options_set_block_cache(table, cache);
        }

        NativeMethods.rocksdb_options_set_block_based_table_factory(native, table);
    }

    private static byte ToByte(bool value) => value ? (byte)1 : (byte)0;
}
