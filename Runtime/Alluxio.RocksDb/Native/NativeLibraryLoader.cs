using System.Reflection;
using System.Runtime.InteropServices;

namespace Alluxio.RocksDb.Native;

/// <summary>
/// Loads librocksdb once per process. Debian's <c>librocksdb7.8</c> package guarantees only the versioned soname
/// <c>librocksdb.so.7.8</c>; the unversioned names are fallbacks for developer machines (they need -dev packages or
/// a local build). Thread-safe.
/// </summary>
internal static class NativeLibraryLoader
{
    /// <summary>The message of the exception thrown when no candidate loads; it names the fix.</summary>
    internal const string MissingLibraryMessage =
        "librocksdb7.8 is not installed (Debian: apt-get install librocksdb7.8)";

    /// <summary>Names tried in order.</summary>
    internal static readonly IReadOnlyList<string> Candidates = ["librocksdb.so.7.8", "librocksdb.so", "rocksdb"];

    private static readonly Lock s_lock = new();
    private static nint s_handle;

    /// <summary>The loaded library; loads it on first use.</summary>
    /// <exception cref="RocksDbException">No candidate could be loaded.</exception>
    internal static nint EnsureLoaded()
    {
        var handle = Volatile.Read(ref s_handle);
        return handle != 0 ? handle : LoadOnce();
    }

    /// <summary>The resolver registered for this assembly: maps <see cref="NativeMethods.LibraryName"/>.</summary>
    internal static nint Resolve(string libraryName, Assembly assembly, DllImportSearchPath? searchPath) =>
        libraryName == NativeMethods.LibraryName ? EnsureLoaded() : 0;

    /// <summary>Tries each name in turn; throws <see cref="RocksDbException"/> naming the fix if none loads.</summary>
    internal static nint Load(IReadOnlyList<string> candidates)
    {
        var assembly = typeof(NativeLibraryLoader).Assembly;
        foreach (var name in candidates)
        {
            // Plain dlopen search first (system paths, LD_LIBRARY_PATH), then next to the assembly.
            if (NativeLibrary.TryLoad(name, out var handle) ||
                NativeLibrary.TryLoad(name, assembly, DllImportSearchPath.SafeDirectories, out handle))
            {
                return handle;
            }
        }

        throw new RocksDbException($"{MissingLibraryMessage}; tried {string.Join(", ", candidates)}.");
    }

    private static nint LoadOnce()
    {
        lock (s_lock)
        {
            if (s_handle == 0)
            {
                Volatile.Write(ref s_handle, Load(Candidates));
            }

            return s_handle;
        }
    }
}
