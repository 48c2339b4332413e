namespace Alluxio.RocksDb.Native;

/// <summary>
/// Owns a <c>rocksdb_iterator_t*</c>. Holds references on the DB, the read options (the native iterator keeps
/// pointers to their bound slices and snapshot) and, if given, the column family.
/// </summary>
internal sealed class IteratorSafeHandle : DependentSafeHandle
{
    internal static IteratorSafeHandle Create(DbSafeHandle db, ColumnFamilySafeHandle? columnFamily, ReadOptionsSafeHandle options)
    {
        var iterator = new IteratorSafeHandle();
        try
        {
            iterator.AddParent(db);
            iterator.AddParent(options);
            if (columnFamily is null)
            {
                iterator.Attach(NativeMethods.rocksdb_create_iterator(db.DangerousGetHandle(), options.DangerousGetHandle()));
            }
            else
            {
                iterator.AddParent(columnFamily);
                iterator.Attach(NativeMethods.rocksdb_create_iterator_cf(
                    db.DangerousGetHandle(), options.DangerousGetHandle(), columnFamily.DangerousGetHandle()));
            }

            return iterator;
        }
        catch
        {
            iterator.ReleaseParents();
            throw;
        }
    }

    protected override void Destroy(nint native) => NativeMethods.rocksdb_iter_destroy(native);
}
