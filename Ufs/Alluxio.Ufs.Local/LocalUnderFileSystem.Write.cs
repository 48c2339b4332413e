using Alluxio.Ufs.Local.Native;

namespace Alluxio.Ufs.Local;

// Creating directories and files.
public sealed partial class LocalUnderFileSystem
{
    /// <inheritdoc/>
    public Task<bool> CreateDirectoryAsync(
        string path, UfsCreateDirectoryOptions? options = null, CancellationToken cancellationToken = default) =>
        Run("create directory", path, cancellationToken, () =>
        {
            options ??= UfsCreateDirectoryOptions.Default;
            UfsModes.Validate(options.Mode, nameof(options));
            var normal = UfsPath.Normalize(path);
            if (InternalNames.ContainsInternal(normal))
            {
                throw Reserved(path);
            }

            var owner = ResolveOwner(options.Owner, options.Group);
            if (normal.Length == 0)
            {
                _resolver.RealRoot();
                return false;
            }

            return options.Recursive
                ? EnsureDirectory(normal, options.Mode, owner, "create directory", normal)
                : MakeDirectory(ParentForWrite(normal, "create directory"), normal, options.Mode, owner, "create directory", normal).Created;
        });

    /// <inheritdoc/>
    public Task<UfsOutputStream> CreateFileAsync(
        string path, UfsCreateFileOptions? options = null, CancellationToken cancellationToken = default) =>
        Run("create file", path, cancellationToken, () =>
        {
            options ??= UfsCreateFileOptions.Default;
            UfsModes.Validate(options.Mode, nameof(options));
            var normal = UfsPath.Normalize(path);
            if (normal.Length == 0)
            {
                throw new UfsAlreadyExistsException($"Cannot create a file at the root of {Root}: it is a directory.") { Path = normal };
            }

            if (InternalNames.ContainsInternal(normal))
            {
                throw Reserved(path);
            }

            var owner = ResolveOwner(options.Owner, options.Group);
            var parentPath = UfsPath.GetParent(normal)!;
            if (options.CreateParents && parentPath.Length > 0)
            {
                EnsureDirectory(parentPath, UfsModes.DefaultDirectory, owner, "create file", normal);
            }

            var parent = ParentForWrite(normal, "create file");
            var target = _resolver.Locate(parent, normal);
            switch (target.Kind)
            {
                case LocalEntryKind.Directory:
                    throw new UfsAlreadyExistsException($"Cannot create file '{normal}' in {Root}: a directory is there.") { Path = normal };
                case LocalEntryKind.Escaped:
                    throw _errors.Escapes("create file", normal, normal);
                case LocalEntryKind.File when !options.Overwrite:
                    throw new UfsAlreadyExistsException($"Cannot create file '{normal}' in {Root}: it exists and overwrite was not requested.") { Path = normal };
                case LocalEntryKind.Missing when target.IsLink && !options.Overwrite:
                    throw new UfsAlreadyExistsException($"Cannot create file '{normal}' in {Root}: a dangling symbolic link is there.") { Path = normal };
            }

            var temp = LocalPathResolver.Join(parent.HostPath, InternalNames.NewPendingWrite());
            var fileOptions = new FileStreamOptions
            {
                Mode = FileMode.CreateNew,
                Access = FileAccess.Write,
                Share = FileShare.ReadWrite, // no advisory lock: the name is private
            };
            if (OperatingSystem.IsLinux())
            {
                fileOptions.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite; // private until commit
            }

            var file = new FileStream(temp, fileOptions);
            return (UfsOutputStream)new LocalOutputStream(
                normal, file, parent.HostPath, temp, target.HostPath, options, owner, _options, _errors);
        });

    /// <summary>The resolved parent directory of <paramref name="normal"/>, which a write needs to exist.</summary>
    private LocalEntry ParentForWrite(string normal, string action)
    {
        var parentPath = UfsPath.GetParent(normal)!;
        var parent = _resolver.Resolve(parentPath);
        return parent.Kind switch
        {
            LocalEntryKind.Directory => parent,
            LocalEntryKind.File or LocalEntryKind.BelowFile =>
                throw new UfsNotADirectoryException($"Cannot {action} '{normal}' in {Root}: an ancestor is a file.") { Path = normal },
            LocalEntryKind.Escaped => throw _errors.Escapes(action, normal, parentPath),
            _ => throw _errors.NotFound(action, normal, $"its parent '{parentPath}' does not exist"),
        };
    }

    /// <summary>mkdir -p: creates each missing directory of <paramref name="normal"/>; whether the last one was created.</summary>
    private bool EnsureDirectory(string normal, int mode, (uint Uid, uint Gid) owner, string action, string target)
    {
        var current = _resolver.Resolve(UfsPath.Root);
        var created = false;
        var end = -1;
        while (end < normal.Length)
        {
            end = normal.IndexOf('/', end + 1);
            end = end < 0 ? normal.Length : end;
            (created, current) = MakeDirectory(current, normal[..end], mode, owner, action, target);
        }

        return created;
    }

    /// <summary>
    /// Creates one directory in the resolved <paramref name="parent"/>: whether it was created, and the resolved
    /// directory (existing or new). What is in the way fails as "already exists" for the <paramref name="target"/>
    /// itself and as "not a directory" for an ancestor of it.
    /// </summary>
    private (bool Created, LocalEntry Directory) MakeDirectory(
        LocalEntry parent, string normal, int mode, (uint Uid, uint Gid) owner, string action, string target)
    {
        var host = LocalPathResolver.Join(parent.HostPath, UfsPath.GetName(normal));
        var error = Posix.MakeDirectory(host, mode & 0x1FF);
        if (error == 0)
        {
            try
            {
                ApplyOwnerAndMode(host, normal, mode, owner);
                var synced = Posix.SyncDirectory(parent.HostPath);
                if (synced != 0)
                {
                    throw _errors.FromErrno(synced, "sync the parent of", normal);
                }
            }
            catch
            {
                Posix.RemoveDirectory(host);
                throw;
            }

            return (true, _resolver.Resolve(normal));
        }

        if (error != Errno.EEXIST)
        {
            throw _errors.FromErrno(error, action, target);
        }

        var existing = _resolver.Resolve(normal);
        var isTarget = normal.Length == target.Length;
        return existing.Kind switch
        {
            LocalEntryKind.Directory => (false, existing),
            LocalEntryKind.Escaped => throw _errors.Escapes(action, target, normal),
            _ when isTarget => throw new UfsAlreadyExistsException(
                $"Cannot {action} '{target}' in {Root}: a file (or another entry that is not a directory) is there.") { Path = target },
            _ => throw new UfsNotADirectoryException(
                $"Cannot {action} '{target}' in {Root}: its ancestor '{normal}' is not a directory.") { Path = target },
        };
    }
}
