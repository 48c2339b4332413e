using System.Runtime.InteropServices;

namespace Alluxio.RocksDb.Native;

// Options, table options, caches, filters, prefix extractors, read/write/flush options.
internal static unsafe partial class NativeMethods
{
    [LibraryImport(LibraryName)]
    internal static partial nint rocksdb_options_create();

    [LibraryImport(LibraryName)]
    internal static partial void rocksdb_options_destroy(nint options);

    [LibraryImport(LibraryName)]
    internal static partial void rocksdb_options_set_create_if_missing(OptionsSafeHandle options, byte value);

    [LibraryImport(LibraryName)]
    internal static partial void rocksdb_options_set_create_missing_column_families(OptionsSafeHandle options, byte value);

    [LibraryImport(LibraryName)]
    internal static partial void rocksdb_options_increase_parallelism(OptionsSafeHandle options, int totalThreads);

    [LibraryImport(LibraryName)]
    internal static partial void rocksdb_options_set_max_background_jobs(OptionsSafeHandle options, int value);

    [LibraryImport(LibraryName)]
    internal static partial void rocksdb_options_set_max_open_files(OptionsSafeHandle options, int value);

    [LibraryImport(LibraryName)]
    internal static partial void rocksdb_options_set_write_buffer_size(OptionsSafeHandle options, nuint value);

    [LibraryImport(LibraryName)]
    internal static partial void rocksdb_options_set_paranoid_checks(OptionsSafeHandle options, byte value);

    [LibraryImport(LibraryName)]
    internal static partial void rocksdb_options_set_use_fsync(OptionsSafeHandle options, int value);

    [LibraryImport(LibraryName)]
    internal static partial void rocksdb_options_set_compression(OptionsSafeHandle options, int value);

    /// <summary>Takes ownership of <paramref name="sliceTransform"/> (stored in a shared_ptr).</summary>
    [LibraryImport(LibraryName)]
    internal static partial void rocksdb_options_set_prefix_extractor(OptionsSafeHandle options, nint sliceTransform);

    /// <summary>Copies the table options; the caller still destroys them.</summary>
    [LibraryImport(LibraryName)]
    internal static partial void rocksdb_options_set_block_based_table_factory(
        OptionsSafeHandle options, BlockBasedOptionsSafeHandle tableOptions);

    [LibraryImport(LibraryName)]
    internal static partial void rocksdb_options_set_memtable_prefix_bloom_size_ratio(OptionsSafeHandle options, double value);

    [LibraryImport(LibraryName)]
    internal static partial void rocksdb_options_set_memtable_whole_key_filtering(OptionsSafeHandle options, byte value);

    [LibraryImport(LibraryName)]
    internal static partial nint rocksdb_slicetransform_create_fixed_prefix(nuint length);

    [LibraryImport(LibraryName)]
    internal static partial nint rocksdb_block_based_options_create();

    [LibraryImport(LibraryName)]
    internal static partial void rocksdb_block_based_options_destroy(nint tableOptions);

    /// <summary>Takes ownership of <paramref name="filterPolicy"/> (stored in a shared_ptr).</summary>
    [LibraryImport(LibraryName)]
    internal static partial void rocksdb_block_based_options_set_filter_policy(
        BlockBasedOptionsSafeHandle tableOptions, nint filterPolicy);

    /// <summary>Shares the cache (shared_ptr copy); the caller still destroys its <c>rocksdb_cache_t</c>.</summary>
    [LibraryImport(LibraryName)]
    internal static partial void rocksdb_block_based_options_set_block_cache(
        BlockBasedOptionsSafeHandle tableOptions, CacheSafeHandle cache);

    [LibraryImport(LibraryName)]
    internal static partial void rocksdb_block_based_options_set_data_block_index_type(
        BlockBasedOptionsSafeHandle tableOptions, int value);

    [LibraryImport(LibraryName)]
    internal static partial void rocksdb_block_based_options_set_data_block_hash_ratio(
        BlockBasedOptionsSafeHandle tableOptions, double value);

    [LibraryImport(LibraryName)]
    internal static partial nint rocksdb_filterpolicy_create_bloom_full(double bitsPerKey);

    [LibraryImport(LibraryName)]
    internal static partial nint rocksdb_cache_create_lru(nuint capacity);

    [LibraryImport(LibraryName)]
    internal static partial void rocksdb_cache_destroy(nint cache);

    [LibraryImport(LibraryName)]
    internal static partial nint rocksdb_readoptions_create();

    [LibraryImport(LibraryName)]
    internal static partial void rocksdb_readoptions_destroy(nint options);

    [LibraryImport(LibraryName)]
    internal static partial void rocksdb_readoptions_set_verify_checksums(ReadOptionsSafeHandle options, byte value);

    [LibraryImport(LibraryName)]
    internal static partial void rocksdb_readoptions_set_fill_cache(ReadOptionsSafeHandle options, byte value);

    /// <summary>Stores the snapshot pointer: the snapshot must outlive the options (see ReadOptionsSafeHandle).</summary>
    [LibraryImport(LibraryName)]
    internal static partial void rocksdb_readoptions_set_snapshot(ReadOptionsSafeHandle options, nint snapshot);

    /// <summary>Stores the pointer: the buffer must outlive the options and every iterator made from them.</summary>
    [LibraryImport(LibraryName)]
    internal static partial void rocksdb_readoptions_set_iterate_upper_bound(
        ReadOptionsSafeHandle options, byte* key, nuint keyLength);

    /// <summary>Stores the pointer: the buffer must outlive the options and every iterator made from them.</summary>
    [LibraryImport(LibraryName)]
    internal static partial void rocksdb_readoptions_set_iterate_lower_bound(
        ReadOptionsSafeHandle options, byte* key, nuint keyLength);

    [LibraryImport(LibraryName)]
    internal static partial void rocksdb_readoptions_set_prefix_same_as_start(ReadOptionsSafeHandle options, byte value);

    [LibraryImport(LibraryName)]
    internal static partial void rocksdb_readoptions_set_total_order_seek(ReadOptionsSafeHandle options, byte value);

    [LibraryImport(LibraryName)]
    internal static partial nint rocksdb_writeoptions_create();

    [LibraryImport(LibraryName)]
    internal static partial void rocksdb_writeoptions_destroy(nint options);

    [LibraryImport(LibraryName)]
    internal static partial void rocksdb_writeoptions_set_sync(WriteOptionsSafeHandle options, byte value);

    [LibraryImport(LibraryName)]
    internal static partial void rocksdb_writeoptions_disable_WAL(WriteOptionsSafeHandle options, int disable);

    [LibraryImport(LibraryName)]
    internal static partial nint rocksdb_flushoptions_create();

    [LibraryImport(LibraryName)]
    internal static partial void rocksdb_flushoptions_destroy(nint options);

    [LibraryImport(LibraryName)]
    internal static partial void rocksdb_flushoptions_set_wait(FlushOptionsSafeHandle options, byte value);
}
