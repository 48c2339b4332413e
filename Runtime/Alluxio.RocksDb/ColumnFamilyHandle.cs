using Alluxio.RocksDb.Native;

namespace Alluxio.RocksDb;

/// <summary>
/// An open column family of one <see cref="RocksDb"/>. Owned by the DB: it is released when the DB is disposed or
/// the column family is dropped, after which passing it to any call throws <see cref="ObjectDisposedException"/>.
/// Thread-safe: use it from any number of threads.
/// </summary>
public sealed class ColumnFamilyHandle
{
    internal ColumnFamilyHandle(RocksDb owner, string name, ColumnFamilySafeHandle handle, int? fixedPrefixLength)
    {
        Owner = owner;
        Name = name;
        Handle = handle;
        FixedPrefixLength = fixedPrefixLength;
    }

    /// <summary>The column family name.</summary>
    public string Name { get; }

    /// <summary>True once the DB was disposed or the column family dropped.</summary>
    public bool IsDisposed => Handle.IsClosed;

    internal RocksDb Owner { get; }

    internal ColumnFamilySafeHandle Handle { get; }

    /// <summary>The prefix extractor length this binding configured, if any (ScanPrefix uses prefix seeks then).</summary>
    internal int? FixedPrefixLength { get; }

    public override string ToString() => Name;
}
