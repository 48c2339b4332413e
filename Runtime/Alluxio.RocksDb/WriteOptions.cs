using Alluxio.RocksDb.Native;

namespace Alluxio.RocksDb;

/// <summary>
/// Durability of a write. Immutable and thread-safe: set the properties in an object initializer and share the
/// instance. The four possible native <c>rocksdb_writeoptions_t</c> objects are created once per process and shared,
/// so using a <see cref="WriteOptions"/> costs no native allocation and nothing needs disposing.
/// </summary>
public sealed class WriteOptions
{
    private static readonly Lazy<WriteOptionsSafeHandle>[] s_natives =
        [.. Enumerable.Range(0, 4).Select(i => new Lazy<WriteOptionsSafeHandle>(() => CreateNative(i)))];

    /// <summary>Asynchronous writes through the WAL (RocksDB's default): survives a process crash, not a power loss.</summary>
    public static WriteOptions Default { get; } = new();

    /// <summary>The WAL is synced before the write returns: survives a power loss.</summary>
    public static WriteOptions Synced { get; } = new() { Sync = true };

    /// <summary>Sync the WAL before returning.</summary>
    public bool Sync { get; init; }

    /// <summary>Skip the WAL: the write is lost on a crash unless flushed first.</summary>
    public bool DisableWal { get; init; }

    internal WriteOptionsSafeHandle Handle => s_natives[(Sync ? 1 : 0) | (DisableWal ? 2 : 0)].Value;

    private static WriteOptionsSafeHandle CreateNative(int flags)
    {
        var native = WriteOptionsSafeHandle.Create();
        NativeMethods.rocksdb_writeoptions_set_sync(native, (flags & 1) != 0 ? (byte)1 : (byte)0);
        NativeMethods.rocksdb_writeoptions_disable_WAL(native, (flags & 2) != 0 ? 1 : 0);
        return native;
    }
}
