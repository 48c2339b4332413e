using Alluxio.Grains.FileSystem.Mounts;
using Alluxio.Protos.Meta;

namespace Alluxio.Grains.FileSystem.Namespace;

/// <summary>Turns inode records into the <see cref="FileStatus"/> clients see.</summary>
public sealed class StatusBuilder(IBlockPresence blocks)
{
    public FileStatus Build(InodeRecord inode, string path, MountRecord mount)
    {
        var (inAlluxio, inMemory) = inode.IsDirectory ? (0, 0) : blocks.GetPercentages(inode);
        return new FileStatus
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
            BlockIds = [.. inode.BlockIds],
            Ttl = inode.TtlMs,
            TtlAction = (TtlAction)(int)inode.TtlAction,
            Owner = inode.Owner,
            Group = inode.Group,
            Mode = inode.Mode,
            MountPoint = inode.MountPoint,
            MountId = inode.MountId,
            InAlluxioPercentage = inAlluxio,
            InMemoryPercentage = inMemory,
            UfsFingerprint = inode.UfsFingerprint,
            ReplicationMin = inode.ReplicationMin,
            ReplicationMax = inode.ReplicationMax,
            PersistError = inode.PersistError,
        };
    }
}
