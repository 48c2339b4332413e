using Alluxio.Ufs.Local.Native;

namespace Alluxio.Ufs.Local;

// Deleting, renaming and changing attributes.
public sealed partial class LocalUnderFileSystem
{
    /// <inheritdoc/>
    public Task<bool> DeleteFileAsync(string path, CancellationToken cancellationToken = default) =>
        Run("delete file", path, cancellationToken, () =>
        {
            var normal = UfsPath.Normalize(path);
            if (normal.Length == 0)
            {
                throw new UfsIsADirectoryException($"Cannot delete the root of {Root} as a file: it is a directory.") { Path = normal };
            }

            var entry = LocateVisible(normal);
            switch (entry.Kind)
            {
                case LocalEntryKind.Directory:
                    throw new UfsIsADirectoryException($"Cannot delete file '{normal}' in {Root}: it is a directory.") { Path = normal };
                case not LocalEntryKind.File:
                    return false;
            }

            var error = Posix.Unlink(entry.HostPath); // a symlink is removed, never its target
            return error switch
            {
                0 => true,
                Errno.ENOENT => false,
                _ => throw _errors.FromErrno(error, "delete file", normal),
            };
        });

    /// <inheritdoc/>
    public Task<bool> DeleteDirectoryAsync(string path, bool recursive, CancellationToken cancellationToken = default) =>
        Run("delete directory", path, cancellationToken, () =>
        {
            var normal = UfsPath.Normalize(path);
            if (normal.Length == 0)
            {
                throw new UfsPathException(path, "the mount root cannot be deleted");
            }

            var entry = LocateVisible(normal);
            switch (entry.Kind)
            {
                case LocalEntryKind.File:
                    throw new UfsNotADirectoryException($"Cannot delete directory '{normal}' in {Root}: it is a file.") { Path = normal };
                case not LocalEntryKind.Directory:
                    return false;
            }

            if (entry.IsLink)
            {
                var unlinked = Posix.Unlink(entry.HostPath); // the link goes; the directory it points to stays
                return unlinked == 0 || (unlinked == Errno.ENOENT ? false : throw _errors.FromErrno(unlinked, "delete directory", normal));
            }

            return recursive ? DeleteTree(entry.HostPath, normal) : DeleteEmpty(entry.HostPath, normal);
        });

    /// <inheritdoc/>
    public Task<bool> RenameAsync(string source, string destination, CancellationToken cancellationToken = default) =>
        Run("rename", source, cancellationToken, () =>
        {
            var from = UfsPath.Normalize(source);
            var to = UfsPath.Normalize(destination);
            if (from.Length == 0 || to.Length == 0)
            {
                throw new UfsPathException(from.Length == 0 ? source : destination, "the mount root cannot be renamed or replaced");
            }

            if (InternalNames.ContainsInternal(to))
            {
                throw Reserved(destination);
            }

            var src = LocateVisible(from);
            if (!src.Exists)
            {
                return false;
            }

            var dstParent = ParentForWrite(to, "rename to");
            var dst = LocalPathResolver.Join(dstParent.HostPath, UfsPath.GetName(to));
            if (from == to || Posix.Stat(dst, follow: false, out _) == 0)
            {
                throw new UfsAlreadyExistsException($"Cannot rename '{from}' to '{to}' in {Root}: the destination exists.") { Path = to };
            }

            if (src.Kind == LocalEntryKind.Directory && !src.IsLink &&
                (dstParent.HostPath == src.HostPath || dstParent.HostPath.StartsWith(src.HostPath + "/", StringComparison.Ordinal)))
            {
                throw new UfsPathException(destination, $"'{from}' cannot move into its own subtree");
            }

            var error = Posix.Rename(src.HostPath, dst, noReplace: true);
            switch (error)
            {
                case 0:
                    break;
                case Errno.EEXIST or Errno.ENOTEMPTY:
                    throw new UfsAlreadyExistsException($"Cannot rename '{from}' to '{to}' in {Root}: the destination exists.") { Path = to };
                case Errno.ENOENT when Posix.Stat(src.HostPath, follow: false, out _) != 0:
                    return false; // the source went away meanwhile
                case Errno.EINVAL:
                    throw new UfsPathException(destination, $"'{from}' cannot move into its own subtree");
                default:
                    throw _errors.FromErrno(error, "rename", from);
            }

            var srcDirectory = Path.GetDirectoryName(src.HostPath)!;
            SyncDirectory(dstParent.HostPath, to);
            if (srcDirectory != dstParent.HostPath)
            {
                SyncDirectory(srcDirectory, from);
            }

            return true;
        });

    /// <inheritdoc/>
    public Task SetOwnerAsync(string path, string? owner, string? group, CancellationToken cancellationToken = default) =>
        Run("set the owner of", path, cancellationToken, () =>
        {
            var (normal, entry) = ResolveExisting(path, "set the owner of");
            var (uid, gid) = ResolveOwner(owner, group);
            if (uid == Posix.Unchanged && gid == Posix.Unchanged)
            {
                return true;
            }

            var error = Posix.ChangeOwner(entry.HostPath, uid, gid);
            return error == 0 || (_options.AllowSetOwnerFailure && error == Errno.EPERM)
                ? true
                : throw _errors.FromErrno(error, "set the owner of", normal);
        });

    /// <inheritdoc/>
    public Task SetModeAsync(string path, int mode, CancellationToken cancellationToken = default) =>
        Run("set the mode of", path, cancellationToken, () =>
        {
            UfsModes.Validate(mode, nameof(mode));
            var (normal, entry) = ResolveExisting(path, "set the mode of");
            var error = Posix.ChangeMode(entry.HostPath, mode);
            return error == 0 ? true : throw _errors.FromErrno(error, "set the mode of", normal);
        });

    /// <summary>The entry itself (a final symlink not followed), or a non-existing kind if it is not visible.</summary>
    private LocalEntry LocateVisible(string normal)
    {
        if (InternalNames.ContainsInternal(normal))
        {
            return default;
        }

        var parent = _resolver.Resolve(UfsPath.GetParent(normal)!);
        return parent.Kind == LocalEntryKind.Directory ? _resolver.Locate(parent, normal) : default;
    }

    private (string Normal, LocalEntry Entry) ResolveExisting(string path, string action)
    {
        var normal = UfsPath.Normalize(path);
        var entry = InternalNames.ContainsInternal(normal) ? default : _resolver.Resolve(normal);
        return entry.Exists ? (normal, entry) : throw _errors.NotFound(action, normal);
    }

    private bool DeleteEmpty(string host, string normal)
    {
        var error = Posix.RemoveDirectory(host);
        return error switch
        {
            0 => true,
            Errno.ENOENT => false,
            Errno.ENOTEMPTY or Errno.EEXIST => throw new UfsDirectoryNotEmptyException(
                $"Cannot delete directory '{normal}' in {Root}: it is not empty (pending writes count as entries).") { Path = normal },
            _ => throw _errors.FromErrno(error, "delete directory", normal),
        };
    }

    // Out of view first (one atomic rename), then the content. If removing fails, what is left goes back under its name.
    private bool DeleteTree(string host, string normal)
    {
        var trash = LocalPathResolver.Join(Path.GetDirectoryName(host)!, InternalNames.NewPendingDelete());
        var error = Posix.Rename(host, trash, noReplace: true);
        if (error == Errno.ENOENT)
        {
            return false;
        }

        if (error != 0)
        {
            throw _errors.FromErrno(error, "delete directory", normal);
        }

        try
        {
            Directory.Delete(trash, recursive: true); // removes symlinks, never follows them
            return true;
        }
        catch (Exception e)
        {
            Posix.Rename(trash, host, noReplace: true);
            throw _errors.FromException(e, "delete directory", normal);
        }
    }

    private void SyncDirectory(string host, string normal)
    {
        var error = Posix.SyncDirectory(host);
        if (error != 0)
        {
            throw _errors.FromErrno(error, "sync the directory of", normal);
        }
    }
}
