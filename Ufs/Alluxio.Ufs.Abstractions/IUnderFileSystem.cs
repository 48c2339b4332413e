namespace Alluxio.Ufs;

/// <summary>
/// One mounted under file system (UFS): a local directory, an NFS export, an object store bucket prefix. An instance
/// serves one mount; every operation takes a path relative to <see cref="Root"/> (see <see cref="UfsPath"/> for the
/// rules). No path can reach outside the root: escapes are rejected with <see cref="UfsPathException"/>, and
/// connectors with links (local symlinks) never follow one out of the root.
/// <para>
/// Errors: <see cref="UfsException"/> subclasses say what went wrong (<see cref="UfsNotFoundException"/>,
/// <see cref="UfsAlreadyExistsException"/>, <see cref="UfsDirectoryNotEmptyException"/>,
/// <see cref="UfsNotADirectoryException"/>, <see cref="UfsIsADirectoryException"/>,
/// <see cref="UfsPermissionException"/>, <see cref="UfsUnavailableException"/> when the UFS itself is down);
/// <see cref="UfsPathException"/> for bad paths; <see cref="OperationCanceledException"/> when the token fires.
/// Idempotency: deletes report <see langword="false"/> for an absent path and directory creation reports
/// <see langword="false"/> for an existing directory, so retries are safe; a rename retried after success reports
/// <see langword="false"/> (its source is gone).
/// </para>
/// <para>
/// Concurrency: all members are thread-safe. Each call is atomic where the UFS is (see <see cref="Capabilities"/>);
/// there are no multi-call transactions. Other processes may change the UFS at any time: a status is a snapshot.
/// </para>
/// Disposing releases connector resources (clients, watchers); it does not touch stored data.
/// </summary>
public interface IUnderFileSystem : IAsyncDisposable
{
    /// <summary>The mount's root, e.g. <c>file:///data/warehouse</c> or <c>s3://bucket/prefix</c>.</summary>
    Uri Root { get; }

    /// <summary>The URI scheme this connector serves, lower case (<c>file</c>, <c>s3</c>).</summary>
    string Scheme { get; }

    /// <summary>What the connector supports natively.</summary>
    UfsCapabilities Capabilities { get; }

    /// <summary>The status of <paramref name="path"/>, or <see langword="null"/> when nothing is there (also when a parent is a file).</summary>
    Task<UfsStatus?> GetStatusAsync(string path, CancellationToken cancellationToken = default);

    /// <summary>
    /// The direct children of the directory <paramref name="path"/>, streamed (a huge directory is never held in
    /// memory), in no particular order. Entries created or deleted during the enumeration may or may not appear.
    /// Connector-internal entries (pending writes) never appear. Every error, including a bad path, surfaces from the
    /// first <c>MoveNextAsync</c>.
    /// </summary>
    /// <exception cref="UfsNotFoundException">The directory does not exist.</exception>
    /// <exception cref="UfsNotADirectoryException">The path is a file.</exception>
    IAsyncEnumerable<UfsStatus> ListAsync(string path, CancellationToken cancellationToken = default);

    /// <summary>
    /// Creates the directory <paramref name="path"/>. Returns <see langword="false"/> if a directory is already
    /// there (idempotent; its mode and owner are left alone), <see langword="true"/> if this call created it.
    /// </summary>
    /// <exception cref="UfsAlreadyExistsException">A file is at <paramref name="path"/>.</exception>
    /// <exception cref="UfsNotFoundException">The parent is missing and the options are not recursive.</exception>
    /// <exception cref="UfsNotADirectoryException">An ancestor is a file.</exception>
    Task<bool> CreateDirectoryAsync(string path, UfsCreateDirectoryOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Starts writing the file <paramref name="path"/>. Nothing is visible at the path until
    /// <see cref="UfsOutputStream.CommitAsync"/> succeeds; then the whole file appears at once (see
    /// <see cref="UfsOutputStream"/>). Existence is checked both now (to fail fast) and again atomically at commit.
    /// </summary>
    /// <exception cref="UfsAlreadyExistsException">A directory is at the path, or a file is and overwrite was not requested.</exception>
    /// <exception cref="UfsNotFoundException">The parent is missing and <see cref="UfsCreateFileOptions.CreateParents"/> is off.</exception>
    /// <exception cref="UfsNotADirectoryException">An ancestor is a file.</exception>
    Task<UfsOutputStream> CreateFileAsync(string path, UfsCreateFileOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Opens the file <paramref name="path"/> for reading, positioned at <paramref name="offset"/> (an offset at or
    /// past the end gives an empty read). Local files give a seekable stream; object stores may not. The stream reads
    /// the file as it is when read: a concurrent replacement is not seen by a stream already open on a local file.
    /// </summary>
    /// <exception cref="UfsNotFoundException">Nothing is at the path.</exception>
    /// <exception cref="UfsIsADirectoryException">The path is a directory.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="offset"/> is negative.</exception>
    Task<Stream> OpenAsync(string path, long offset = 0, CancellationToken cancellationToken = default);

    /// <summary>
    /// Where the regular file <paramref name="path"/> lives on this host, when this connector keeps its files on a
    /// file system of this host (local directories, NFS) and readers here may open it themselves; <see langword="null"/>
    /// when it does not (object stores) or nothing readable is at the path. Decorators that must see every read (fault
    /// injection) answer <see langword="null"/>, as does every connector that does not implement this. The answer is a
    /// snapshot: the file may change or go away afterwards.
    /// </summary>
    Task<UfsHostFile?> GetHostFileAsync(string path, CancellationToken cancellationToken = default) => Task.FromResult<UfsHostFile?>(null);

    /// <summary>Deletes the file <paramref name="path"/>; <see langword="false"/> if nothing was there (idempotent).</summary>
    /// <exception cref="UfsIsADirectoryException">The path is a directory.</exception>
    Task<bool> DeleteFileAsync(string path, CancellationToken cancellationToken = default);

    /// <summary>
    /// Deletes the directory <paramref name="path"/> (with everything below it when <paramref name="recursive"/>);
    /// <see langword="false"/> if nothing was there (idempotent). The mount root cannot be deleted. Where the UFS
    /// allows (local), the subtree disappears from view atomically before its content is removed.
    /// </summary>
    /// <exception cref="UfsDirectoryNotEmptyException">Not recursive and the directory has entries.</exception>
    /// <exception cref="UfsNotADirectoryException">The path is a file.</exception>
    /// <exception cref="UfsPathException">The path is the mount root.</exception>
    Task<bool> DeleteDirectoryAsync(string path, bool recursive, CancellationToken cancellationToken = default);

    /// <summary>
    /// Moves a file or directory (with its subtree) from <paramref name="source"/> to <paramref name="destination"/>,
    /// whose parent must exist. Atomic when <see cref="UfsCapabilities.SupportsAtomicRename"/>. Returns
    /// <see langword="false"/> if the source does not exist.
    /// </summary>
    /// <exception cref="UfsAlreadyExistsException">Something is at the destination (including the source itself).</exception>
    /// <exception cref="UfsNotFoundException">The destination's parent does not exist.</exception>
    /// <exception cref="UfsPathException">Either path is the root, or a directory would move into its own subtree.</exception>
    Task<bool> RenameAsync(string source, string destination, CancellationToken cancellationToken = default);

    /// <summary>Sets the owner and/or group (<see langword="null"/> leaves that one unchanged) by name; numeric ids are accepted where the UFS has them.</summary>
    /// <exception cref="UfsNotFoundException">Nothing is at the path.</exception>
    /// <exception cref="UfsPermissionException">The process may not give the path away (e.g. not root).</exception>
    /// <exception cref="UfsException">The user or group name is unknown.</exception>
    Task SetOwnerAsync(string path, string? owner, string? group, CancellationToken cancellationToken = default);

    /// <summary>Sets the permission bits (<see cref="UfsModes"/>) of <paramref name="path"/>.</summary>
    /// <exception cref="UfsNotFoundException">Nothing is at the path.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The mode has bits outside <see cref="UfsModes.Mask"/>.</exception>
    Task SetModeAsync(string path, int mode, CancellationToken cancellationToken = default);

    /// <summary>The capacity of the storage holding the mount root.</summary>
    Task<UfsSpace> GetSpaceAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Starts watching the directory <paramref name="path"/> and its subtree for changes, or returns
    /// <see langword="null"/> when the connector has no change notifications
    /// (<see cref="UfsCapabilities.SupportsActiveSync"/> is false). The caller disposes the watcher.
    /// </summary>
    /// <exception cref="UfsNotFoundException">The directory does not exist.</exception>
    /// <exception cref="UfsNotADirectoryException">The path is a file.</exception>
    IUfsChangeWatcher? Watch(string path);
}
