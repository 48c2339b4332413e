using Alluxio.RocksDb.Native;

namespace Alluxio.RocksDb;

// Open-time planning: which column families to open, and the native open call.
public sealed partial class RocksDb
{
    private static List<PlannedColumnFamily> PlanColumnFamilies(
        OptionsSafeHandle dbOptions, string path, IReadOnlyList<ColumnFamilyDescriptor>? requested)
    {
        var planned = new List<PlannedColumnFamily> { new(DefaultColumnFamilyName, null) };
        var seen = new HashSet<string>(StringComparer.Ordinal) { DefaultColumnFamilyName };
        var defaultDescribed = false;
        foreach (var descriptor in requested ?? [])
        {
            ArgumentNullException.ThrowIfNull(descriptor, nameof(requested));
            ArgumentException.ThrowIfNullOrEmpty(descriptor.Name, nameof(requested));
            ArgumentNullException.ThrowIfNull(descriptor.Options, nameof(requested));
            if (descriptor.Name == DefaultColumnFamilyName && !defaultDescribed)
            {
                defaultDescribed = true;
                planned[0] = new(DefaultColumnFamilyName, descriptor.Options);
            }
            else if (!seen.Add(descriptor.Name))
            {
                throw new ArgumentException($"Column family '{descriptor.Name}' is listed twice.", nameof(requested));
            }
            else
            {
                planned.Add(new(descriptor.Name, descriptor.Options));
            }
        }

        // Opening must name every column family on disk; unnamed ones get default options.
        foreach (var existing in TryListColumnFamilies(dbOptions, path))
        {
            if (seen.Add(existing))
            {
                planned.Add(new(existing, null));
            }
        }

        return planned;
    }

    // A missing DB has no column families yet; rocksdb_open reports the real problem (with its own message).
    private static IReadOnlyList<string> TryListColumnFamilies(OptionsSafeHandle options, string path)
    {
        try
        {
            return ListColumnFamilies(options, path);
        }
        catch (RocksDbException)
        {
            return [];
        }
    }

    private static unsafe IReadOnlyList<string> ListColumnFamilies(OptionsSafeHandle options, string path)
    {
        nint err = 0;
        var list = NativeMethods.rocksdb_list_column_families(options, path, out var count, ref err);
        RocksDbException.ThrowIfError(err);
        if (list == 0)
        {
            return [];
        }

        try
        {
            var names = new string[(int)count];
            for (var i = 0; i < names.Length; i++)
            {
                names[i] = System.Runtime.InteropServices.Marshal.PtrToStringUTF8(((nint*)list)[i]) ?? string.Empty;
            }

            return names;
        }
        finally
        {
            NativeMethods.rocksdb_list_column_families_destroy(list, count);
        }
    }

    private static unsafe DbSafeHandle OpenNative(
        OptionsSafeHandle dbOptions, string path, nint[] names, nint[] options, nint[] handles)
    {
        nint err = 0;
        nint db;
        fixed (nint* pNames = names)
        fixed (nint* pOptions = options)
        fixed (nint* pHandles = handles)
        {
            db = NativeMethods.rocksdb_open_column_families(dbOptions, path, names.Length, pNames, pOptions, pHandles, ref err);
        }

        RocksDbException.ThrowIfError(err);
        return DbSafeHandle.Wrap(db);
    }

    private sealed record PlannedColumnFamily(string Name, ColumnFamilyOptions? Options);
}
