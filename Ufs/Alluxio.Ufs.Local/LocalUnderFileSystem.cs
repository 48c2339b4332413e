using System.Collections.Concurrent;
using System.Globalization;
using Alluxio.Ufs.Local.Native;

namespace Alluxio.Ufs.Local;

/// <summary>
/// The <c>file</c> connector: a mount rooted at a local (or NFS-mounted) directory, on Linux. Contract as in
/// <see cref="IUnderFileSystem"/>, with these local specifics:
/// <list type="bullet">
/// <item><b>Symlinks.</b> A symlink is followed while its canonical target stays under the canonical root (its status
/// is the target's, but deleting or renaming it acts on the link). One that leads outside the root is invisible to
/// reads — no status, not listed, open and delete report "not found", rename reports an absent source — and writes
/// that would go through or onto it are refused with <see cref="UfsPermissionException"/>. Nothing outside the root
/// is ever opened, created, changed or deleted. Dangling symlinks, FIFOs, sockets and devices are likewise
/// invisible; file names that are not valid UTF-8 cannot be addressed and are skipped by listings.</item>
/// <item><b>Writes.</b> Bytes go to a hidden temp file in the target directory; commit fsyncs it, renames it onto
/// the target (no-replace unless overwriting) and fsyncs the directory, so a committed file survives a crash. Renames
/// and directory creation fsync the directories they change; deletes do not (a crash may bring a deleted entry
/// back, which metadata sync tolerates).</item>
/// <item><b>Recursive delete</b> first renames the directory to a hidden name (it vanishes atomically), then removes
/// the content without following symlinks. Non-recursive delete sees pending writes of other writers as entries.</item>
/// <item><b>Owners</b> are names from the system user database (<see cref="UnixIdentities"/>); <see cref="UfsStatus.FileId"/>
/// is <c>major:minor:inode</c>; <see cref="UfsStatus.ContentHash"/> is null (hashing would read the file); directory
/// lengths are 0.</item>
/// <item><b>Root.</b> If the root directory is missing, <see cref="GetStatusAsync"/> of the root returns null and every
/// other call fails with <see cref="UfsUnavailableException"/> (an unmounted export looks like this).</item>
/// <item><b>Threads.</b> Calls run synchronously on the caller's thread (local system calls; the returned tasks are
/// already complete) and are thread-safe. After disposal they throw <see cref="ObjectDisposedException"/>.</item>
/// </list>
/// </summary>
public sealed partial class LocalUnderFileSystem : IUnderFileSystem
{
    private static readonly UfsCapabilities s_capabilities = new()
    {
        SupportsAtomicRename = true,
        SupportsOwnership = true,
        SupportsMode = true,
        SupportsActiveSync = true,
    };

    private readonly LocalUnderFileSystemOptions _options;
    private readonly LocalErrors _errors;
    private readonly LocalPathResolver _resolver;
    private readonly UnixIdentities _identities = new();
    private readonly ConcurrentDictionary<LocalChangeWatcher, byte> _watchers = new();
    private int _disposed;

    /// <summary>Creates the connector for the directory <paramref name="rootPath"/> (need not exist yet; nothing is touched).</summary>
    /// <exception cref="UfsPathException">The path is not absolute.</exception>
    /// <exception cref="PlatformNotSupportedException">Not Linux.</exception>
    public LocalUnderFileSystem(string rootPath, LocalUnderFileSystemOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(rootPath);
        if (!OperatingSystem.IsLinux())
        {
            throw new PlatformNotSupportedException("The local UFS connector uses Linux system calls.");
        }

        if (rootPath.Contains('\0', StringComparison.Ordinal) || !Path.IsPathFullyQualified(rootPath))
        {
            throw new UfsPathException(rootPath, "the root of a local UFS must be an absolute path");
        }

        _options = options ?? LocalUnderFileSystemOptions.Default;
        _options.Validate();
        var full = Path.GetFullPath(rootPath);
        full = full.Length > 1 ? full.TrimEnd('/') : full;
        Root = UnderFileSystemRegistry.ParseRoot(full);
        _errors = new LocalErrors(Root);
        _resolver = new LocalPathResolver(full, _errors);
    }

    /// <summary>The root directory on the host, as configured.</summary>
    public string RootPath => _resolver.RootPath;

    /// <inheritdoc/>
    public Uri Root { get; }

    /// <inheritdoc/>
    public string Scheme => LocalUnderFileSystemFactory.Scheme;

    /// <inheritdoc/>
    public UfsCapabilities Capabilities => s_capabilities;

    /// <inheritdoc/>
    public Task<UfsSpace> GetSpaceAsync(CancellationToken cancellationToken = default) =>
        Run("get the capacity of", UfsPath.Root, cancellationToken, () =>
        {
            var drive = new DriveInfo(_resolver.RealRoot());
            return new UfsSpace(drive.TotalSize, drive.TotalSize - drive.TotalFreeSpace, drive.AvailableFreeSpace);
        });

    /// <inheritdoc/>
    public IUfsChangeWatcher? Watch(string path)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        var normal = UfsPath.Normalize(path);
        try
        {
            var entry = InternalNames.ContainsInternal(normal) ? default : _resolver.Resolve(normal);
            if (entry.Kind != LocalEntryKind.Directory)
            {
                throw entry.Kind == LocalEntryKind.File
                    ? new UfsNotADirectoryException($"Cannot watch '{normal}' in {Root}: it is a file.") { Path = normal }
                    : _errors.NotFound("watch", normal);
            }

            LocalChangeWatcher? watcher = null;
            watcher = new LocalChangeWatcher(entry.HostPath, normal, _options, () => _watchers.TryRemove(watcher!, out _));
            _watchers.TryAdd(watcher, 0);
            return watcher;
        }
        catch (Exception e)
        {
            throw _errors.FromException(e, "watch", normal);
        }
    }

    /// <summary>Stops every watcher still open. Idempotent; stored data is not touched.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        foreach (var watcher in _watchers.Keys)
        {
            await watcher.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Runs a synchronous operation body as a completed task, translating failures.</summary>
    private Task<T> Run<T>(string action, string path, CancellationToken cancellationToken, Func<T> body)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled<T>(cancellationToken);
        }

        if (Volatile.Read(ref _disposed) != 0)
        {
            return Task.FromException<T>(new ObjectDisposedException(nameof(LocalUnderFileSystem)));
        }

        try
        {
            return Task.FromResult(body());
        }
        catch (Exception e)
        {
            return Task.FromException<T>(_errors.FromException(e, action, path));
        }
    }

    private UfsStatus ToStatus(string normal, FileStat stat) => new()
    {
        Name = normal[(normal.LastIndexOf('/') + 1)..],
        Path = normal,
        IsDirectory = stat.IsDirectory,
        Length = stat.IsDirectory ? 0 : stat.Size,
        LastModified = stat.LastModified,
        Owner = _identities.UserName(stat.Uid),
        Group = _identities.GroupName(stat.Gid),
        Mode = (int)(stat.Mode & UfsModes.Mask),
        FileId = string.Create(CultureInfo.InvariantCulture, $"{stat.DevMajor}:{stat.DevMinor}:{stat.Inode}"),
    };

    /// <summary>The uid and gid for owner and group names (<see cref="Posix.Unchanged"/> for null).</summary>
    private (uint Uid, uint Gid) ResolveOwner(string? owner, string? group)
    {
        var uid = owner is null ? Posix.Unchanged
            : _identities.UserId(owner) ?? throw new UfsException($"Unknown user '{owner}' on the host of {Root}.");
        var gid = group is null ? Posix.Unchanged
            : _identities.GroupId(group) ?? throw new UfsException($"Unknown group '{group}' on the host of {Root}.");
        return (uid, gid);
    }

    /// <summary>Applies owner (first: chown clears setuid/setgid) and then exact mode to a host path.</summary>
    private void ApplyOwnerAndMode(string hostPath, string normal, int mode, (uint Uid, uint Gid) owner)
    {
        if (owner.Uid != Posix.Unchanged || owner.Gid != Posix.Unchanged)
        {
            var error = Posix.ChangeOwner(hostPath, owner.Uid, owner.Gid);
            if (error != 0 && !(_options.AllowSetOwnerFailure && error == Errno.EPERM))
            {
                throw _errors.FromErrno(error, "set the owner of", normal);
            }
        }

        var modeError = Posix.ChangeMode(hostPath, mode);
        if (modeError != 0)
        {
            throw _errors.FromErrno(modeError, "set the mode of", normal);
        }
    }

    private static UfsPathException Reserved(string path) =>
        new(path, "the name is reserved for the connector's pending writes and deletes");
}
