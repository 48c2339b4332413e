using Alluxio.Grains.Exceptions;
using Alluxio.Grains.FileSystem.Mounts;
using Alluxio.Grains.FileSystem.Namespace;
using Alluxio.Grains.Paths;
using Alluxio.Grains.Security;
using Alluxio.Metastore.Locks;
using Alluxio.Protos.Meta;
using Alluxio.Ufs;

namespace Alluxio.Grains.FileSystem;

/// <summary>createDirectory, createFile, completeFile.</summary>
public sealed partial class FileSystemMaster
{
    public async Task<FileStatus> CreateDirectoryAsync(string path, CreateDirectoryOptions options, CallerIdentity caller)
    {
        path = AlluxioPath.Normalize(path);
        caller = Caller(caller);
        await EnsureLoadedAsync(path, options.Sync, listing: false);
        for (var attempt = 0; ; attempt++)
        {
            var resolved = reader.Resolve(path);
            if (resolved.Target is { } existing)
            {
                permissions.CheckTraverse(resolved.Ancestors, caller, path);
                if (options.AllowExists && existing.IsDirectory)
                {
                    return statuses.Build(existing, path, resolved.Mount);
                }

                throw new FileAlreadyExistsException($"Path \"{path}\" already exists.");
            }

            var created = await TryCreateAsync(resolved, caller, options.Recursive, Effective(options.WriteType), options.Ttl, options.TtlAction,
                (id, parent, name, mountId, last) => InodeFactory.Directory(id, parent.Id, name, mountId, caller.User, GroupFor(caller, parent), NewDirectoryMode(last ? options.Mode : null), NowMs));
            if (created is not null)
            {
                return Status(created, path);
            }

            if (attempt >= MaxAttempts)
            {
                throw new UnavailableException($"Creating {path} kept racing with other changes; try again.");
            }
        }
    }

    public async Task<FileStatus> CreateFileAsync(string path, CreateFileOptions options, CallerIdentity caller)
    {
        path = AlluxioPath.Normalize(path);
        caller = Caller(caller);
        if (path == AlluxioPath.Root)
        {
            throw new FileAlreadyExistsException("Path \"/\" already exists.");
        }

        if (options.ReplicationMax != -1 && options.ReplicationMin > options.ReplicationMax || options.ReplicationMin < 0)
        {
            throw new InvalidArgumentException($"Replication min {options.ReplicationMin} must be between 0 and max {options.ReplicationMax}.");
        }

        await EnsureLoadedAsync(path, options.Sync, listing: false);
        var blockSize = options.BlockSizeBytes > 0 ? options.BlockSizeBytes : _options.DefaultBlockSizeBytes;
        for (var attempt = 0; ; attempt++)
        {
            var resolved = reader.Resolve(path);
            if (resolved.Target is { } existing)
            {
                permissions.CheckTraverse(resolved.Ancestors, caller, path);
                if (!options.Overwrite || existing.IsDirectory)
                {
                    throw new FileAlreadyExistsException($"Path \"{path}\" already exists.");
                }

                await DeleteAsync(path, new DeleteOptions(Sync: new SyncOptions(LoadMetadataType.Never)), caller);
                continue;
            }

            var created = await TryCreateAsync(resolved, caller, options.Recursive, Effective(options.WriteType), options.Ttl, options.TtlAction,
                (id, parent, name, mountId, last) => last
                    ? WithReplication(InodeFactory.File(id, parent.Id, name, mountId, caller.User, GroupFor(caller, parent), NewFileMode(options.Mode), blockSize, NowMs), options)
                    : InodeFactory.Directory(id, parent.Id, name, mountId, caller.User, GroupFor(caller, parent), NewDirectoryMode(null), NowMs));
            if (created is not null)
            {
                return Status(created, path);
            }

            if (attempt >= MaxAttempts)
            {
                throw new UnavailableException($"Creating {path} kept racing with other changes; try again.");
            }
        }
    }

    private static InodeRecord WithReplication(InodeRecord file, CreateFileOptions options)
    {
        file.ReplicationMin = options.ReplicationMin;
        file.ReplicationMax = options.ReplicationMax;
        return file;
    }

    private delegate InodeRecord NewInode(long id, InodeRecord parent, string name, long mountId, bool last);

    /// <summary>
    /// Creates the missing components of <paramref name="resolved"/> (one, or all with <paramref name="recursive"/>) in one
    /// journal entry. Returns the new target, or null when the namespace changed while waiting for locks (retry).
    /// </summary>
    private async Task<InodeRecord?> TryCreateAsync(ResolvedPath resolved, CallerIdentity caller, bool recursive, WriteType writeType, long? ttl, TtlAction? ttlAction, NewInode build)
    {
        var path = resolved.Path;
        if (resolved.StoppedAtFile)
        {
            throw new InvalidPathException($"Cannot create {path}: {resolved.DeepestPath} is a file.");
        }

        var missing = resolved.Components.Skip(resolved.ExistingDepth).ToArray();
        if (missing.Length > 1 && !recursive)
        {
            throw new FileDoesNotExistException($"Path \"{AlluxioPath.Parent(path)}\" does not exist (create it, or ask for a recursive create).");
        }

        var parent = resolved.Deepest;
        permissions.CheckTraverse(resolved.Inodes, caller, path);
        permissions.Check(parent, AccessBits.Write | AccessBits.Execute, caller, resolved.DeepestPath);
        var mount = resolved.Mount;
        CheckWritable(mount, path);

        using var held = await locks.AcquireAsync([LockRequest.ReadInode(parent.Id), LockRequest.WriteEdge(parent.Id, missing[0])], CancellationToken.None);
        var again = reader.Resolve(path);
        if (!SameInodes(resolved, again))
        {
            return null;
        }

        var now = NowMs;
        var inodes = new List<InodeRecord>(missing.Length);
        var current = parent;
        for (var i = 0; i < missing.Length; i++)
        {
            var inode = build(metastore.NewInodeId(), current, missing[i], current.MountId, i == missing.Length - 1);
            if (i == missing.Length - 1 && ttl is { } t && t >= 0)
            {
                inode.TtlMs = t;
                inode.TtlStartMs = now;
                inode.TtlAction = (Protos.Meta.TtlAction)(int)(ttlAction ?? TtlAction.Free);
            }

            inodes.Add(inode);
            current = inode;
        }

        var entry = new CompositeEntry();
        if (Persists(writeType))
        {
            // The new directories (and any not yet persisted ancestors) go to the UFS first; a file's data follows
            // when it is written.
            var ancestorsToPersist = again.Inodes.Where(i => i.IsDirectory && !i.MountPoint && i.Id != NamespaceReader.RootId && i.PersistenceState != Protos.Meta.PersistenceState.Persisted).ToList();
            var directories = inodes.Where(i => i.IsDirectory).ToList();
            if (ancestorsToPersist.Count > 0 || directories.Count > 0)
            {
                // Every created inode but a file target is a directory, so the deepest directory is the path or its parent.
                var deepestDirectory = inodes[^1].IsDirectory ? path : AlluxioPath.Parent(path)!;
                var ufsDirectory = MountTable.UfsRelativePath(mount, deepestDirectory);
                var connector = ufs.Get(mount);
                await UfsCall(mount, deepestDirectory, () => connector.CreateDirectoryAsync(ufsDirectory, new UfsCreateDirectoryOptions
                {
                    Recursive = true,
                    Mode = directories.Count > 0 ? directories[^1].Mode : UfsModes.DefaultDirectory,
                }));
                foreach (var directory in directories)
                {
                    directory.PersistenceState = Protos.Meta.PersistenceState.Persisted;
                }

                if (ancestorsToPersist.Count > 0)
                {
                    var update = new UpdateInodesEntry();
                    foreach (var ancestor in ancestorsToPersist)
                    {
                        var persisted = ancestor.Clone();
                        persisted.PersistenceState = Protos.Meta.PersistenceState.Persisted;
                        update.Inodes.Add(persisted);
                    }

                    entry.Entries.Add(new JournalEntry { UpdateInodes = update });
                }
            }
        }

        entry.Entries.Add(new JournalEntry { CreateInodes = new CreateInodesEntry { Inodes = { inodes }, ModificationTimeMs = now } });
        await CommitAsync(entry.Entries.Count == 1 ? entry.Entries[0] : new JournalEntry { Composite = entry });
        return inodes[^1];
    }

    public async Task<FileStatus> CompleteFileAsync(string path, CompleteFileOptions options, CallerIdentity caller)
    {
        path = AlluxioPath.Normalize(path);
        caller = Caller(caller);
        if (options.Length < 0)
        {
            throw new InvalidArgumentException($"A file length cannot be negative ({options.Length}).");
        }

        var resolved = reader.Resolve(path);
        permissions.CheckTraverse(resolved.Ancestors, caller, path);
        var file = resolved.Target ?? throw NotFound(path);
        if (file.IsDirectory)
        {
            throw new InvalidPathException($"Path \"{path}\" is a directory, not a file.");
        }

        permissions.Check(file, AccessBits.Write, caller, path);
        using var held = await locks.AcquireAsync([LockRequest.WriteInode(file.Id)], CancellationToken.None);
        file = reader.State.GetInode(file.Id) ?? throw NotFound(path);
        if (file.Completed)
        {
            throw new FailedPreconditionException($"File {path} has already been completed.");
        }

        var completed = file.Clone();
        completed.Completed = true;
        completed.Length = options.Length;
        completed.LastModificationTimeMs = NowMs;
        completed.BlockIds.Clear();
        completed.BlockIds.Add(options.BlockIds ?? []);
        var mount = resolved.Mount;
        if (options.Persisted || (options.AsyncPersist && options.Length == 0))
        {
            CheckWritable(mount, path);
            var connector = ufs.Get(mount);
            var ufsPath = MountTable.UfsRelativePath(mount, path);
            var status = await UfsCall(mount, path, () => connector.GetStatusAsync(ufsPath));
            if (status is null && options.Length == 0)
            {
                status = await UfsCall(mount, path, async () =>
                {
                    await using var stream = await connector.CreateFileAsync(ufsPath, new UfsCreateFileOptions { Mode = file.Mode, CreateParents = true });
                    await stream.CommitAsync();
                    return await connector.GetStatusAsync(ufsPath);
                });
            }

            if (status is null)
            {
                throw new FailedPreconditionException($"File {path} was reported persisted, but {MountTable.UfsUri(mount, path)} does not exist in the UFS.");
            }

            completed.PersistenceState = Protos.Meta.PersistenceState.Persisted;
            completed.UfsFingerprint = status.Fingerprint;
        }
        else
        {
            completed.PersistenceState = options.AsyncPersist ? Protos.Meta.PersistenceState.ToBePersisted : Protos.Meta.PersistenceState.NotPersisted;
        }

        await CommitAsync(new JournalEntry { UpdateInodes = new UpdateInodesEntry { Inodes = { completed } } });
        if (completed.PersistenceState == Protos.Meta.PersistenceState.ToBePersisted)
        {
            persistQueue.Enqueue(completed.Id, _options.PersistInitialDelay);
        }

        return statuses.Build(completed, path, mount);
    }
}
