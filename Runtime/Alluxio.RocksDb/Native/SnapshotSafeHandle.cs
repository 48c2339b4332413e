namespace Alluxio.RocksDb.Native;

/// <summary>Owns a <c>rocksdb_snapshot_t*</c>; holds a reference on its DB, which releasing it needs.</summary>
internal sealed class SnapshotSafeHandle : DependentSafeHandle
{
    private nint _db;

    internal static SnapshotSafeHandle Create(DbSafeHandle db)
    {
        var snapshot = new SnapshotSafeHandle();
        try
        {
            snapshot.AddParent(db);
            snapshot._db = db.DangerousGetHandle();
            snapshot.Attach(NativeMethods.rocksdb_create_snapshot(snapshot._db));
            return snapshot;
        }
        catch
        {
            snapshot.ReleaseParents();
            throw;
        }
    }

    protected override void Destroy(nint native) => NativeMethods.rocksdb_release_snapshot(_db, native);
}
