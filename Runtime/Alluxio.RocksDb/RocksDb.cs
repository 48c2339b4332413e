using System.Collections.Concurrent;
using System.Runtime.InteropServices;
using Alluxio.RocksDb.Native;

namespace Alluxio.RocksDb;

/// <summary>
/// An open RocksDB database (the C API's <c>rocksdb_t</c>) with all of its column families.
/// <para>Thread-safety: every member is safe to call concurrently (Get/Put/Write/iterators, column-family creation
/// and drop, maintenance), as RocksDB's <c>DB</c> is. <see cref="Dispose"/> may race with other calls: each call
/// either completes or throws <see cref="ObjectDisposedException"/>, and the native DB is closed only after the calls
/// in flight return.</para>
/// <para>Ownership: the caller disposes the DB. Disposing releases its <see cref="ColumnFamilyHandle"/>s. Iterators
/// and snapshots (and read options carrying a snapshot) hold a reference on the DB, so the native close (and the
/// release of the directory lock) happens when the last of them is disposed; dispose them first to reopen the path
/// at once.</para>
/// </summary>
public sealed partial class RocksDb : IDisposable
{
    /// <summary>The name of the column family every DB has.</summary>
    public const string DefaultColumnFamilyName = "default";

    private readonly DbSafeHandle _handle;
    private readonly ConcurrentDictionary<string, ColumnFamilyHandle> _columnFamilies = new(StringComparer.Ordinal);
    private readonly Lock _lifecycle = new();
    private volatile bool _disposed;

    private RocksDb(string path, DbSafeHandle handle, IReadOnlyList<PlannedColumnFamily> planned, nint[] nativeHandles)
    {
        Path = path;
        _handle = handle;
        for (var i = 0; i < planned.Count; i++)
        {
            var cf = new ColumnFamilyHandle(
                this, planned[i].Name, ColumnFamilySafeHandle.Wrap(handle, nativeHandles[i]), planned[i].Options?.FixedPrefixLength);
            _columnFamilies[cf.Name] = cf;
        }

        DefaultColumnFamily = _columnFamilies[DefaultColumnFamilyName];
    }

    /// <summary>The directory the DB was opened from.</summary>
    public string Path { get; }

    /// <summary>The default column family (used when a call passes no column family).</summary>
    public ColumnFamilyHandle DefaultColumnFamily { get; }

    /// <summary>The names of the open column families.</summary>
    public IReadOnlyCollection<string> ColumnFamilyNames
    {
        get
        {
            ThrowIfDisposed();
            return [.. _columnFamilies.Keys];
        }
    }

    /// <summary>
    /// Opens (or creates, per <paramref name="options"/>) the DB at <paramref name="path"/>. Every column family that
    /// exists on disk is opened: those in <paramref name="columnFamilies"/> with their options, the others with
    /// RocksDB's defaults. Named ones missing on disk are created if
    /// <see cref="RocksDbOptions.CreateMissingColumnFamilies"/> is set.
    /// </summary>
    /// <exception cref="RocksDbException">RocksDB refused (missing DB, lock held by another process or instance,
    /// corruption, unknown column family) or librocksdb is not installed; the message is RocksDB's.</exception>
    public static RocksDb Open(string path, RocksDbOptions options, IReadOnlyList<ColumnFamilyDescriptor>? columnFamilies = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(options);
        using var dbOptions = NativeOptionsBuilder.ForDb(options);
        var planned = PlanColumnFamilies(dbOptions, path, columnFamilies);
        var cfOptions = new List<OptionsSafeHandle>(planned.Count);
        var names = new nint[planned.Count];
        try
        {
            foreach (var cf in planned)
            {
                cfOptions.Add(cf.Options is not null ? NativeOptionsBuilder.ForColumnFamily(cf.Options)
                    : cf.Name == DefaultColumnFamilyName ? NativeOptionsBuilder.ForDefaultColumnFamily(options)
                    : OptionsSafeHandle.Create());
            }

            for (var i = 0; i < names.Length; i++)
            {
                names[i] = Marshal.StringToCoTaskMemUTF8(planned[i].Name);
            }

            var optionPointers = cfOptions.Select(o => o.DangerousGetHandle()).ToArray();
            var handles = new nint[planned.Count];
            return new RocksDb(path, OpenNative(dbOptions, path, names, optionPointers, handles), planned, handles);
        }
        finally
        {
            foreach (var name in names)
            {
                Marshal.FreeCoTaskMem(name);
            }

            foreach (var native in cfOptions)
            {
                native.Dispose();
            }
        }
    }

    /// <summary>The column families stored in the DB at <paramref name="path"/> (it need not be open).</summary>
    /// <exception cref="RocksDbException">There is no DB at <paramref name="path"/>, or it cannot be read.</exception>
    public static IReadOnlyList<string> ListColumnFamilies(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        using var options = OptionsSafeHandle.Create();
        return ListColumnFamilies(options, path);
    }

    /// <summary>The open column family named <paramref name="name"/>.</summary>
    /// <exception cref="KeyNotFoundException">No column family of that name is open.</exception>
    public ColumnFamilyHandle GetColumnFamily(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        ThrowIfDisposed();
        return _columnFamilies.TryGetValue(name, out var cf)
            ? cf
            : throw new KeyNotFoundException($"Column family '{name}' is not open in the RocksDB at '{Path}'.");
    }

    /// <summary>The open column family named <paramref name="name"/>, if any.</summary>
    public bool TryGetColumnFamily(string name, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out ColumnFamilyHandle? handle)
    {
        ArgumentNullException.ThrowIfNull(name);
        ThrowIfDisposed();
        return _columnFamilies.TryGetValue(name, out handle);
    }

    /// <summary>Creates a column family and returns its handle (owned by this DB).</summary>
    /// <exception cref="RocksDbException">It already exists, or RocksDB failed.</exception>
    public ColumnFamilyHandle CreateColumnFamily(string name, ColumnFamilyOptions options)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(options);
        lock (_lifecycle)
        {
            ThrowIfDisposed();
            using var native = NativeOptionsBuilder.ForColumnFamily(options);
            var cf = new ColumnFamilyHandle(this, name, ColumnFamilySafeHandle.Create(_handle, native, name), options.FixedPrefixLength);
            _columnFamilies[name] = cf;
            return cf;
        }
    }

    /// <summary>
    /// Drops a column family: its data is deleted and its handle released (calls still using it finish first; later
    /// ones throw <see cref="ObjectDisposedException"/>).
    /// </summary>
    /// <exception cref="KeyNotFoundException">No column family of that name is open.</exception>
    /// <exception cref="RocksDbException">RocksDB refused (for example, the default column family).</exception>
    public void DropColumnFamily(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        lock (_lifecycle)
        {
            var cf = GetColumnFamily(name);
            nint err = 0;
            NativeMethods.rocksdb_drop_column_family(_handle, cf.Handle, ref err);
            RocksDbException.ThrowIfError(err);
            _columnFamilies.TryRemove(name, out _);
            cf.Handle.Dispose();
        }
    }

    /// <summary>
    /// Releases the column-family handles and closes the DB once calls in flight, iterators and snapshots are done.
    /// Idempotent.
    /// </summary>
    public void Dispose()
    {
        lock (_lifecycle)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            foreach (var cf in _columnFamilies.Values)
            {
                cf.Handle.Dispose();
            }

            _columnFamilies.Clear();
            _handle.Dispose();
        }
    }

    private void ThrowIfDisposed() => ObjectDisposedException.ThrowIf(_disposed, this);
}
