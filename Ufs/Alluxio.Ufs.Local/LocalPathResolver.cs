using Alluxio.Ufs.Local.Native;

namespace Alluxio.Ufs.Local;

/// <summary>
/// Maps mount-relative paths (already in normal form, so free of <c>..</c>) to host paths without ever leaving the
/// mount root. Symlinks are followed only while their canonical target (realpath) stays under the canonical root; a
/// path whose resolution leaves the root is <see cref="LocalEntryKind.Escaped"/>. Checks and the operation that
/// follows them are separate system calls: a process that swaps directories for symlinks inside the root between the
/// two could race them, so the root must not be writable by untrusted users (as for any shared mount).
/// Thread-safe (the canonical root is computed once and cached).
/// </summary>
internal sealed class LocalPathResolver(string rootPath, LocalErrors errors)
{
    private string? _realRoot;

    /// <summary>The root as configured (absolute, no trailing separator unless it is <c>/</c>).</summary>
    internal string RootPath => rootPath;

    /// <summary>The canonical root.</summary>
    /// <exception cref="UfsUnavailableException">The root does not exist or is not a directory.</exception>
    internal string RealRoot() => TryRealRoot() ?? throw Unavailable("does not exist or is not a directory");

    /// <summary>The canonical root, or null when it does not exist or is not a directory.</summary>
    internal string? TryRealRoot()
    {
        var cached = Volatile.Read(ref _realRoot);
        if (cached is not null)
        {
            return Posix.Stat(cached, follow: true, out var stat) == 0 && stat.IsDirectory ? cached : null;
        }

        if (Posix.RealPath(rootPath, out var real) != 0 || Posix.Stat(real, follow: false, out var rootStat) != 0 || !rootStat.IsDirectory)
        {
            return null;
        }

        Volatile.Write(ref _realRoot, real);
        return real;
    }

    /// <summary>Resolves <paramref name="normal"/> following every symlink.</summary>
    /// <exception cref="UfsUnavailableException">The root is gone.</exception>
    internal LocalEntry Resolve(string normal)
    {
        var root = RealRoot();
        if (normal.Length == 0)
        {
            return FromStat(root, UfsPath.Root);
        }

        var candidate = Join(root, normal);
        var error = Posix.RealPath(candidate, out var real);
        if (error == 0)
        {
            return IsUnder(real, root) ? FromStat(real, normal) : new LocalEntry(LocalEntryKind.Escaped, candidate, default);
        }

        if (error is Errno.ENOENT or Errno.ENOTDIR or Errno.ELOOP)
        {
            // Tell "absent" from "the whole UFS is gone" (e.g. an unmounted NFS export under the root path).
            if (Posix.Stat(root, follow: true, out _) != 0)
            {
                throw Unavailable("no longer exists");
            }

            return new LocalEntry(error == Errno.ENOTDIR ? LocalEntryKind.BelowFile : LocalEntryKind.Missing, candidate, default);
        }

        throw errors.FromErrno(error, "resolve", normal);
    }

    /// <summary>
    /// The entry <paramref name="normal"/> names inside the already resolved directory <paramref name="parent"/>,
    /// without following a final symlink: for a link, <see cref="LocalEntry.HostPath"/> is the link itself and the
    /// kind is where it leads.
    /// </summary>
    internal LocalEntry Locate(LocalEntry parent, string normal)
    {
        var host = Join(parent.HostPath, UfsPath.GetName(normal));
        var error = Posix.Stat(host, follow: false, out var stat);
        if (error is Errno.ENOENT or Errno.ENOTDIR)
        {
            return new LocalEntry(LocalEntryKind.Missing, host, default);
        }

        if (error != 0)
        {
            throw errors.FromErrno(error, "inspect", normal);
        }

        if (!stat.IsSymlink)
        {
            return new LocalEntry(KindOf(stat), host, stat);
        }

        var target = Resolve(normal);
        return target with { HostPath = host, IsLink = true };
    }

    /// <summary>The host path of <paramref name="name"/> inside <paramref name="directory"/>.</summary>
    internal static string Join(string directory, string name) =>
        directory.EndsWith('/') ? directory + name : directory + "/" + name;

    private static bool IsUnder(string real, string root) =>
        root == "/" || real == root || (real.Length > root.Length && real[root.Length] == '/' && real.StartsWith(root, StringComparison.Ordinal));

    private static LocalEntryKind KindOf(FileStat stat) =>
        stat.IsDirectory ? LocalEntryKind.Directory : stat.IsRegularFile ? LocalEntryKind.File : LocalEntryKind.Missing;

    private LocalEntry FromStat(string real, string normal)
    {
        var error = Posix.Stat(real, follow: false, out var stat);
        if (error is Errno.ENOENT or Errno.ENOTDIR)
        {
            return new LocalEntry(LocalEntryKind.Missing, real, default);
        }

        return error == 0 ? new LocalEntry(KindOf(stat), real, stat) : throw errors.FromErrno(error, "inspect", normal);
    }

    private UfsUnavailableException Unavailable(string what) =>
        new($"The UFS root '{rootPath}' {what}; the under file system is unavailable.") { Path = UfsPath.Root };
}
