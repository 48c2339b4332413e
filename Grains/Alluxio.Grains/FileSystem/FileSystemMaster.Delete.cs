using Alluxio.Grains.Exceptions;
using Alluxio.Grains.FileSystem.Mounts;
using Alluxio.Grains.Paths;
using Alluxio.Grains.Security;
using Alluxio.Metastore.Locks;
using Alluxio.Protos.Meta;

namespace Alluxio.Grains.FileSystem;

/// <summary>delete and rename.</summary>
public sealed partial class FileSystemMaster
{
    public async Task DeleteAsync(string path, DeleteOptions options, CallerIdentity caller)
    {
        path = AlluxioPath.Normalize(path);
        caller = Caller(caller);
        if (path == AlluxioPath.Root)
        {
            throw new InvalidPathException("Cannot delete the root path.");
        }

        await EnsureLoadedAsync(path, options.Sync, listing: false);
        for (var attempt = 0; ; attempt++)
        {
            var resolved = reader.Resolve(path);
            permissions.CheckTraverse(resolved.Ancestors, caller, path);
            var target = resolved.Target ?? throw NotFound(path);
            var parent = resolved.Parent!;
            if (target.MountPoint)
            {
                throw new FailedPreconditionException($"{path} is a mount point: unmount it instead of deleting it.");
            }

            permissions.Check(parent, AccessBits.Write | AccessBits.Execute, caller, AlluxioPath.Parent(path)!);
            var mount = resolved.Mount;
            if (!options.AlluxioOnly)
            {
                CheckWritable(mount, path);
            }

            if (target.IsDirectory && !options.Recursive)
            {
                // Children the UFS has but Alluxio has not loaded yet count too.
                await EnsureLoadedAsync(path, options.Sync, listing: true);
                if (reader.State.HasChildren(target.Id))
                {
                    throw new DirectoryNotEmptyException($"Cannot delete non-empty directory {path} because recursive is set to false.");
                }
            }

            using var held = await locks.AcquireAsync(
                [LockRequest.ReadInode(parent.Id), LockRequest.WriteEdge(parent.Id, target.Name), LockRequest.WriteInode(target.Id)], CancellationToken.None);
            var again = reader.Resolve(path);
            if (!SameInodes(resolved, again))
            {
                if (attempt >= MaxAttempts)
                {
                    throw new UnavailableException($"Deleting {path} kept racing with other changes; try again.");
                }

                continue;
            }

            if (target.IsDirectory && !options.Recursive && reader.State.HasChildren(target.Id))
            {
                throw new DirectoryNotEmptyException($"Cannot delete non-empty directory {path} because recursive is set to false.");
            }

            if (!options.AlluxioOnly && InUfs(target))
            {
                var connector = ufs.Get(mount);
                var ufsPath = MountTable.UfsRelativePath(mount, path);
                await UfsCall(mount, path, () => target.IsDirectory
                    ? connector.DeleteDirectoryAsync(ufsPath, options.Recursive)
                    : connector.DeleteFileAsync(ufsPath));
            }

            await CommitAsync(new JournalEntry
            {
                DeleteInode = new DeleteInodeEntry { ParentId = parent.Id, Name = target.Name, InodeId = target.Id, ModificationTimeMs = NowMs },
            });
            return;
        }
    }

    /// <summary>Whether the inode (or something below it) may exist in the UFS.</summary>
    private static bool InUfs(InodeRecord inode) =>
        inode.PersistenceState == Protos.Meta.PersistenceState.Persisted || inode.LoadedFromUfs || inode.IsDirectory;

    public async Task RenameAsync(string source, string destination, RenameOptions options, CallerIdentity caller)
    {
        source = AlluxioPath.Normalize(source);
        destination = AlluxioPath.Normalize(destination);
        caller = Caller(caller);
        if (source == AlluxioPath.Root)
        {
            throw new InvalidPathException("Cannot rename the root path.");
        }

        if (destination == AlluxioPath.Root)
        {
            throw new FileAlreadyExistsException("Path \"/\" already exists.");
        }

        if (AlluxioPath.IsSameOrAncestor(source, destination) && source != destination)
        {
            throw new InvalidPathException($"Cannot rename {source} into its own subtree ({destination}).");
        }

        await EnsureLoadedAsync(source, options.Sync, listing: false);
        await EnsureLoadedAsync(destination, options.Sync, listing: false);
        for (var attempt = 0; ; attempt++)
        {
            var from = reader.Resolve(source);
            permissions.CheckTraverse(from.Ancestors, caller, source);
            var target = from.Target ?? throw NotFound(source);
            if (source == destination)
            {
                return;
            }

            var to = reader.Resolve(destination);
            permissions.CheckTraverse(to.Ancestors, caller, destination);
            if (to.Exists)
            {
                throw new FileAlreadyExistsException($"Cannot rename {source} to {destination}: the destination already exists.");
            }

            var destinationParent = to.Parent ?? throw new FileDoesNotExistException($"Cannot rename {source} to {destination}: the destination's parent \"{AlluxioPath.Parent(destination)}\" does not exist.");
            if (!destinationParent.IsDirectory)
            {
                throw new InvalidPathException($"Cannot rename {source} to {destination}: {AlluxioPath.Parent(destination)} is a file.");
            }

            if (target.MountPoint)
            {
                throw new InvalidPathException($"{source} is a mount point and cannot be renamed; unmount and mount it again.");
            }

            var mount = from.Mount;
            if (to.Mount.MountId != mount.MountId)
            {
                throw new InvalidPathException($"Renaming {source} to {destination} is a cross mount operation.");
            }

            var sourceParent = from.Parent!;
            permissions.Check(sourceParent, AccessBits.Write | AccessBits.Execute, caller, AlluxioPath.Parent(source)!);
            permissions.Check(destinationParent, AccessBits.Write | AccessBits.Execute, caller, AlluxioPath.Parent(destination)!);
            CheckWritable(mount, source);
            var destinationName = AlluxioPath.Name(destination);
            using var held = await locks.AcquireAsync(
            [
                LockRequest.ReadInode(sourceParent.Id), LockRequest.WriteEdge(sourceParent.Id, target.Name), LockRequest.WriteInode(target.Id),
                LockRequest.ReadInode(destinationParent.Id), LockRequest.WriteEdge(destinationParent.Id, destinationName),
            ], CancellationToken.None);
            var fromAgain = reader.Resolve(source);
            var toAgain = reader.Resolve(destination);
            if (!SameInodes(from, fromAgain) || !SameInodes(to, toAgain))
            {
                if (attempt >= MaxAttempts)
                {
                    throw new UnavailableException($"Renaming {source} kept racing with other changes; try again.");
                }

                continue;
            }

            if (InUfs(target))
            {
                var connector = ufs.Get(mount);
                var ufsSource = MountTable.UfsRelativePath(mount, source);
                var ufsDestination = MountTable.UfsRelativePath(mount, destination);
                var ufsParent = MountTable.UfsRelativePath(mount, AlluxioPath.Parent(destination)!);
                await UfsCall(mount, source, async () =>
                {
                    if (await connector.GetStatusAsync(ufsSource) is null)
                    {
                        return;
                    }

                    await connector.CreateDirectoryAsync(ufsParent, new Ufs.UfsCreateDirectoryOptions { Recursive = true });
                    await connector.RenameAsync(ufsSource, ufsDestination);
                });
            }

            await CommitAsync(new JournalEntry
            {
                Rename = new RenameEntry
                {
                    SourceParentId = sourceParent.Id,
                    SourceName = target.Name,
                    InodeId = target.Id,
                    DestinationParentId = destinationParent.Id,
                    DestinationName = destinationName,
                    ModificationTimeMs = NowMs,
                },
            });
            return;
        }
    }
}
