namespace Alluxio.RocksDb.Native;

/// <summary>Owns a <c>rocksdb_checkpoint_t*</c>; holds a reference on its DB.</summary>
internal sealed class CheckpointSafeHandle : DependentSafeHandle
{
    internal static CheckpointSafeHandle Create(DbSafeHandle db)
    {
        var checkpoint = new CheckpointSafeHandle();
        try
        {
            checkpoint.AddParent(db);
            nint err = 0;
            var native = NativeMethods.rocksdb_checkpoint_object_create(db.DangerousGetHandle(), ref err);
            RocksDbException.ThrowIfError(err);
            checkpoint.Attach(native);
            return checkpoint;
        }
        catch
        {
            checkpoint.ReleaseParents();
            throw;
        }
    }

    protected override void Destroy(nint native) => NativeMethods.rocksdb_checkpoint_object_destroy(native);
}
