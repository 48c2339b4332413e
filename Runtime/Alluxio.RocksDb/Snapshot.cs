using Alluxio.RocksDb.Native;

namespace Alluxio.RocksDb;

/// <summary>
/// A consistent point-in-time view of a <see cref="RocksDb"/>, from <see cref="RocksDb.CreateSnapshot"/>. Use it
/// through <see cref="ReadOptions.Snapshot"/> or <see cref="RocksDb.ScanPrefix(byte[], ColumnFamilyHandle?, Snapshot?)"/>.
/// Ownership: the caller disposes it; until then RocksDB keeps the versions it sees (dispose promptly). It holds a
/// reference on the DB, so disposing the DB first defers the native close until the snapshot is disposed, and
/// <see cref="ReadOptions"/> that carry it keep it alive until they are disposed. Thread-safe for reads; dispose once.
/// </summary>
public sealed class Snapshot : IDisposable
{
    internal Snapshot(RocksDb owner, SnapshotSafeHandle handle)
    {
        Owner = owner;
        Handle = handle;
    }

    internal RocksDb Owner { get; }

    internal SnapshotSafeHandle Handle { get; }

    /// <summary>Releases the snapshot (deferred while read options or iterators still use it).</summary>
    public void Dispose() => Handle.Dispose();
}
