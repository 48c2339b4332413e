namespace Alluxio.RocksDb.Tests;

internal static class TestDb
{
    public static RocksDbOptions CreateOptions() => new() { CreateIfMissing = true, CreateMissingColumnFamilies = true };

    public static RocksDb Open(string path, params ColumnFamilyDescriptor[] columnFamilies) =>
        RocksDb.Open(path, CreateOptions(), columnFamilies);

    public static ColumnFamilyDescriptor Cf(string name, ColumnFamilyOptions? options = null) => new(name, options ?? new());
}
