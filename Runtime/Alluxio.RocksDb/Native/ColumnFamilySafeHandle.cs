namespace Alluxio.RocksDb.Native;

/// <summary>Owns a <c>rocksdb_column_family_handle_t*</c>; holds a reference on its DB.</summary>
internal sealed class ColumnFamilySafeHandle : DependentSafeHandle
{
    /// <summary>Takes ownership of <paramref name="native"/>, which must belong to <paramref name="db"/>.</summary>
    internal static ColumnFamilySafeHandle Wrap(DbSafeHandle db, nint native)
    {
        var cf = new ColumnFamilySafeHandle();
        try
        {
            cf.AddParent(db);
            cf.Attach(native);
            return cf;
        }
        catch
        {
            cf.ReleaseParents();
            throw;
        }
    }

    /// <summary>Creates a column family; the DB reference is taken before the native call.</summary>
    internal static ColumnFamilySafeHandle Create(DbSafeHandle db, OptionsSafeHandle options, string name)
    {
        var cf = new ColumnFamilySafeHandle();
        try
        {
            cf.AddParent(db);
            nint err = 0;
            var native = NativeMethods.rocksdb_create_column_family(db.DangerousGetHandle(), options, name, ref err);
            RocksDbException.ThrowIfError(err);
            cf.Attach(native);
            return cf;
        }
        catch
        {
            cf.ReleaseParents();
            throw;
        }
    }

    protected override void Destroy(nint native) => NativeMethods.rocksdb_column_family_handle_destroy(native);
}
