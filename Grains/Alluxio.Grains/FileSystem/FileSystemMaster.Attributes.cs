using Alluxio.Grains.Blocks;
using Alluxio.Grains.Exceptions;
using Alluxio.Grains.FileSystem.Mounts;
using Alluxio.Grains.Paths;
using Alluxio.Grains.Security;
using Alluxio.Metastore.Locks;
using Alluxio.Protos.Meta;
using Microsoft.Extensions.Logging;

namespace Alluxio.Grains.FileSystem;

/// <summary>setAttribute (chown, chgrp, chmod, pin, TTL, replication).</summary>
public sealed partial class FileSystemMaster
{
    public async Task SetAttributeAsync(string path, SetAttributeOptions options, CallerIdentity caller)
    {
        path = AlluxioPath.Normalize(path);
        caller = Caller(caller);
        if (options.Mode is { } requestedMode && (requestedMode < 0 || requestedMode > 0xFFF))
        {
            throw new InvalidArgumentException($"Mode {Convert.ToString(requestedMode, 8)} is not a permission mode (0-7777 octal).");
        }

        if (options.ReplicationMin is < 0 || options.ReplicationMax is < -1
            || (options.ReplicationMin is { } min && options.ReplicationMax is { } max && max != -1 && min > max))
        {
            throw new InvalidArgumentException($"Replication min ({options.ReplicationMin}) must be ≥ 0 and ≤ max ({options.ReplicationMax}; -1 = unlimited).");
        }

        if (options.Owner is "" || options.Group is "")
        {
            throw new InvalidArgumentException("Owner and group names cannot be empty.");
        }

        await EnsureLoadedAsync(path, options.Sync, listing: false);
        var resolved = reader.Resolve(path);
        permissions.CheckTraverse(resolved.Ancestors, caller, path);
        var target = resolved.Target ?? throw NotFound(path);
        if (options.Owner is not null)
        {
            permissions.CheckSuperUser(caller, $"change the owner of {path}");
        }

        if (options.Group is { } group)
        {
            permissions.CheckOwner(target, caller, path, "change its group");
            if (!permissions.IsSuperUser(caller) && !caller.Groups.Contains(group))
            {
                throw new AccessControlException($"Permission denied: user={caller.User} is not a member of group {group}.");
            }
        }

        if (options.Mode is not null)
        {
            permissions.CheckOwner(target, caller, path, "change its mode");
        }

        if (options.Pinned is not null || options.Ttl is not null || options.TtlAction is not null || options.ReplicationMin is not null || options.ReplicationMax is not null)
        {
            permissions.Check(target, AccessBits.Write, caller, path);
        }

        var mount = resolved.Mount;
        var ufsVisible = options.Owner is not null || options.Group is not null || options.Mode is not null;
        if (ufsVisible)
        {
            CheckWritable(mount, path);
        }

        using var held = await locks.AcquireAsync([LockRequest.WriteInode(target.Id)], CancellationToken.None);
        target = reader.State.GetInode(target.Id) ?? throw NotFound(path);
        if (ufsVisible)
        {
            await PropagateToUfsAsync(target, path, mount, options);
        }

        var entry = new SetAttributeEntry { InodeId = target.Id, Recursive = options.Recursive, OperationTimeMs = NowMs };
        if (options.Owner is { } owner)
        {
            entry.Owner = owner;
        }

        if (options.Group is { } g)
        {
            entry.Group = g;
        }

        if (options.Mode is { } mode)
        {
            entry.Mode = mode;
        }

        if (options.Pinned is { } pinned)
        {
            entry.Pinned = pinned;
        }

        if (options.Ttl is { } ttl)
        {
            entry.TtlMs = ttl < 0 ? -1 : ttl;
        }

        if (options.TtlAction is { } action)
        {
            entry.TtlAction = (Protos.Meta.TtlAction)(int)action;
        }

        if (options.ReplicationMin is { } rmin)
        {
            entry.ReplicationMin = rmin;
        }

        if (options.ReplicationMax is { } rmax)
        {
            entry.ReplicationMax = rmax;
        }

        await CommitAsync(new JournalEntry { SetAttribute = entry });
        if (options.Pinned is { } pin)
        {
            // Tell the workers: pinned blocks are never evicted. Blocks of files not yet persisted stay pinned anyway.
            blockMaster.QueuePins(
                FilesUnder(target, path, options.Recursive)
                    .Where(f => pin || f.Inode.PersistenceState != Protos.Meta.PersistenceState.ToBePersisted)
                    .SelectMany(f => BlockId.ForFile(f.Inode.Id, f.Inode.Length, f.Inode.BlockSizeBytes)),
                pin);
        }
    }

    /// <summary>
    /// Applies owner, group and mode to the UFS copies of persisted inodes (best effort for ownership: a silo that
    /// is not root cannot chown, and Alluxio's metadata stays authoritative; a mode change failure is an error).
    /// </summary>
    private async Task PropagateToUfsAsync(InodeRecord target, string path, MountRecord mount, SetAttributeOptions options)
    {
        var connector = ufs.Get(mount);
        var targets = new List<(InodeRecord Inode, string Path)> { (target, path) };
        if (options.Recursive && target.IsDirectory)
        {
            var pending = new Queue<(long Id, string Path)>();
            pending.Enqueue((target.Id, path));
            while (pending.TryDequeue(out var dir))
            {
                foreach (var page in reader.ChildPages(dir.Id, _options.ListingBatchSize))
                {
                    foreach (var child in page.Where(c => !c.MountPoint))
                    {
                        var childPath = AlluxioPath.Join(dir.Path, child.Name);
                        targets.Add((child, childPath));
                        if (child.IsDirectory)
                        {
                            pending.Enqueue((child.Id, childPath));
                        }
                    }
                }
            }
        }

        foreach (var (inode, inodePath) in targets.Where(t => t.Inode.PersistenceState == Protos.Meta.PersistenceState.Persisted))
        {
            var ufsPath = MountTable.UfsRelativePath(mount, inodePath);
            if (options.Mode is { } mode)
            {
                await UfsCall(mount, inodePath, () => connector.SetModeAsync(ufsPath, mode));
            }

            if (options.Owner is not null || options.Group is not null)
            {
                try
                {
                    await connector.SetOwnerAsync(ufsPath, options.Owner, options.Group);
                }
                catch (Ufs.UfsException e)
                {
                    LogOwnerNotPropagated(inodePath, e.Message);
                }
            }
        }
    }

    [LoggerMessage(7001, LogLevel.Information, "The owner or group of {Path} changed in Alluxio but not in the UFS: {Reason}")]
    private partial void LogOwnerNotPropagated(string path, string reason);
}
