namespace Alluxio.RocksDb;

/// <summary>A column family to open (or create, with <see cref="RocksDbOptions.CreateMissingColumnFamilies"/>).</summary>
/// <param name="Name">The column family name; <c>"default"</c> describes the default column family.</param>
/// <param name="Options">Its options; read once when the DB opens.</param>
public sealed record ColumnFamilyDescriptor(string Name, ColumnFamilyOptions Options);
