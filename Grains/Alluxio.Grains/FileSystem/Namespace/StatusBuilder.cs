using Alluxio.Grains.Blocks;
using Alluxio.Grains.FileSystem.Mounts;
using Alluxio.Grains.Paths;
using Alluxio.Protos.Meta;

namespace Alluxio.Grains.FileSystem.Namespace;

/// <summary>
/// Turns inode records into the <see cref="FileStatus"/> clients see. A status is kept in the record's memo
/// (<see cref="InodeRecord.Memo"/>) and handed out again while it still describes the record: same path, same mount
/// record, same block presence. A committed record never changes, so those are the only inputs that can.
/// </summary>
public sealed class StatusBuilder(IBlockPresence blocks)
{
    /// <summary>The status of <paramref name="inode"/> at <paramref name="path"/>.</summary>
    public FileStatus Build(InodeRecord inode, string path, MountRecord mount)
    {
        var presence = Presence(inode);
        return Reuse(inode, mount, presence) is { } memo && memo.Status.Path == path
            ? memo.Status
            : Remember(inode, path, mount, presence);
    }

    /// <summary>The status of <paramref name="child"/>, an entry of <paramref name="directory"/>; builds the child's path only when the memo cannot answer.</summary>
    public FileStatus BuildChild(InodeRecord child, string directory, MountRecord mount)
    {
        var presence = Presence(child);
        return Reuse(child, mount, presence) is { } memo && AlluxioPath.IsJoin(memo.Status.Path, directory, child.Name)
            ? memo.Status
            : Remember(child, AlluxioPath.Join(directory, child.Name), mount, presence);
    }

    private (int InAlluxio, int InMemory) Presence(InodeRecord inode) => inode.IsDirectory ? (0, 0) : blocks.GetPercentages(inode);

    private static StatusMemo? Reuse(InodeRecord inode, MountRecord mount, (int InAlluxio, int InMemory) presence) =>
        inode.Memo is StatusMemo memo && ReferenceEquals(memo.Mount, mount)
            && memo.Status.InAlluxioPercentage == presence.InAlluxio && memo.Status.InMemoryPercentage == presence.InMemory
            ? memo
            : null;

    private static FileStatus Remember(InodeRecord inode, string path, MountRecord mount, (int InAlluxio, int InMemory) presence)
    {
        var status = Create(inode, path, mount, presence);
        inode.Memo = new StatusMemo(status, mount);
        return status;
    }

    private static FileStatus Create(InodeRecord inode, string path, MountRecord mount, (int InAlluxio, int InMemory) presence) => new()
    {
        FileId = inode.Id,
        Name = inode.Name,
        Path = path,
        UfsPath = MountTable.UfsUri(mount, path),
        Length = inode.Length,
        BlockSizeBytes = inode.BlockSizeBytes,
        CreationTimeMs = inode.CreationTimeMs,
        LastModificationTimeMs = inode.LastModificationTimeMs,
        LastAccessTimeMs = inode.LastAccessTimeMs,
        Completed = inode.IsDirectory || inode.Completed,
        Folder = inode.IsDirectory,
        Pinned = inode.Pinned,
        Cacheable = inode.Cacheable,
        PersistenceState = (PersistenceState)(int)inode.PersistenceState,
        BlockIds = inode.IsDirectory ? [] : BlockId.ForFile(inode.Id, inode.Length, inode.BlockSizeBytes),
        Ttl = inode.TtlMs,
        TtlAction = (TtlAction)(int)inode.TtlAction,
        Owner = inode.Owner,
        Group = inode.Group,
        Mode = inode.Mode,
        MountPoint = inode.MountPoint,
        MountId = inode.MountId,
        InAlluxioPercentage = presence.InAlluxio,
        InMemoryPercentage = presence.InMemory,
        UfsFingerprint = inode.UfsFingerprint,
        ReplicationMin = inode.ReplicationMin,
        ReplicationMax = inode.ReplicationMax,
        PersistError = inode.PersistError,
    };

    /// <summary>A status and the mount record it was built with.</summary>
    private sealed record StatusMemo(FileStatus Status, MountRecord Mount);
}
