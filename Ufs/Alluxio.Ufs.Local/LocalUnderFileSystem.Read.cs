using System.IO.Enumeration;
using Alluxio.Ufs.Local.Native;

namespace Alluxio.Ufs.Local;

// Reads: status, listing, opening.
public sealed partial class LocalUnderFileSystem
{
    private static readonly EnumerationOptions s_listOptions = new()
    {
        AttributesToSkip = 0, // dot files are "hidden" to .NET, but ordinary entries to a UFS
        IgnoreInaccessible = false,
        RecurseSubdirectories = false,
        ReturnSpecialDirectories = false,
    };

    /// <inheritdoc/>
    public Task<UfsStatus?> GetStatusAsync(string path, CancellationToken cancellationToken = default) =>
        Run("get the status of", path, cancellationToken, () =>
        {
            var normal = UfsPath.Normalize(path);
            if (InternalNames.ContainsInternal(normal))
            {
                return null;
            }

            if (normal.Length == 0 && _resolver.TryRealRoot() is null)
            {
                // No usable root: report what is there (nothing, or a file), so a mount can be refused precisely.
                return Posix.Stat(_resolver.RootPath, follow: true, out var rootStat) == 0 && rootStat.IsRegularFile
                    ? ToStatus(normal, rootStat)
                    : null;
            }

            var entry = _resolver.Resolve(normal);
            return entry.Exists ? ToStatus(normal, entry.Stat) : null;
        });

    /// <inheritdoc/>
    public IAsyncEnumerable<UfsStatus> ListAsync(string path, CancellationToken cancellationToken = default) =>
        List(path, cancellationToken).ToAsyncEnumerable();

    /// <inheritdoc/>
    public Task<Stream> OpenAsync(string path, long offset = 0, CancellationToken cancellationToken = default) =>
        Run("open", path, cancellationToken, () =>
        {
            ArgumentOutOfRangeException.ThrowIfNegative(offset);
            var normal = UfsPath.Normalize(path);
            var entry = InternalNames.ContainsInternal(normal) ? default : _resolver.Resolve(normal);
            switch (entry.Kind)
            {
                case LocalEntryKind.Directory:
                    throw new UfsIsADirectoryException($"Cannot open '{normal}' in {Root}: it is a directory.") { Path = normal };
                case not LocalEntryKind.File:
                    throw _errors.NotFound("open", normal);
            }

            var stream = new FileStream(entry.HostPath, new FileStreamOptions
            {
                Mode = FileMode.Open,
                Access = FileAccess.Read,
                Share = FileShare.ReadWrite | FileShare.Delete, // no advisory lock: other writers replace by rename
                Options = FileOptions.SequentialScan,
            });
            if (offset > 0)
            {
                stream.Seek(offset, SeekOrigin.Begin);
            }

            return (Stream)stream;
        });

    /// <summary>The canonical host path of a regular file (resolved as <see cref="OpenAsync"/> resolves it), with its length.</summary>
    public Task<UfsHostFile?> GetHostFileAsync(string path, CancellationToken cancellationToken = default) =>
        Run("locate", path, cancellationToken, () =>
        {
            var normal = UfsPath.Normalize(path);
            var entry = InternalNames.ContainsInternal(normal) ? default : _resolver.Resolve(normal);
            return entry.Kind == LocalEntryKind.File
                ? new UfsHostFile(entry.HostPath, entry.Stat.Size, (entry.Stat.MtimeSeconds * 1_000_000_000L) + entry.Stat.MtimeNanoseconds)
                : null;
        });

    // A synchronous iterator (local directory reads are system calls); every error surfaces from MoveNext.
    private IEnumerable<UfsStatus> List(string path, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        var normal = path;
        IEnumerator<string> names;
        string directory;
        try
        {
            normal = UfsPath.Normalize(path);
            var entry = InternalNames.ContainsInternal(normal) ? default : _resolver.Resolve(normal);
            if (entry.Kind != LocalEntryKind.Directory)
            {
                throw entry.Kind == LocalEntryKind.File
                    ? new UfsNotADirectoryException($"Cannot list '{normal}' in {Root}: it is a file.") { Path = normal }
                    : _errors.NotFound("list", normal);
            }

            directory = entry.HostPath;
            names = new FileSystemEnumerable<string>(directory, static (ref FileSystemEntry e) => e.FileName.ToString(), s_listOptions)
                .GetEnumerator();
        }
        catch (Exception e)
        {
            throw _errors.FromException(e, "list", normal);
        }

        using (names)
        {
            while (true)
            {
                cancellationToken.ThrowIfCancellationRequested();
                UfsStatus? child;
                try
                {
                    if (!names.MoveNext())
                    {
                        yield break;
                    }

                    child = ChildStatus(normal, directory, names.Current);
                }
                catch (Exception e)
                {
                    throw _errors.FromException(e, "list", normal);
                }

                if (child is not null)
                {
                    yield return child;
                }
            }
        }
    }

    private UfsStatus? ChildStatus(string parent, string directory, string name)
    {
        if (InternalNames.IsInternal(name))
        {
            return null;
        }

        var normal = parent.Length == 0 ? name : parent + "/" + name;
        if (Posix.Stat(LocalPathResolver.Join(directory, name), follow: false, out var stat) != 0)
        {
            return null; // removed since the directory was read, or a name that is not valid UTF-8
        }

        if (stat.IsSymlink)
        {
            var target = _resolver.Resolve(normal);
            return target.Exists ? ToStatus(normal, target.Stat) : null;
        }

        return stat.IsDirectory || stat.IsRegularFile ? ToStatus(normal, stat) : null;
    }
}
