using Alluxio.Protos.Meta;
using Alluxio.Ufs;

namespace Alluxio.Grains.FileSystem.Namespace;

/// <summary>Builds the records of new inodes: created by clients, or loaded from a UFS listing.</summary>
public static class InodeFactory
{
    public static InodeRecord Directory(long id, long parentId, string name, long mountId, string owner, string group, int mode, long nowMs) => new()
    {
        Id = id,
        ParentId = parentId,
        Name = name,
        IsDirectory = true,
        CreationTimeMs = nowMs,
        LastModificationTimeMs = nowMs,
        LastAccessTimeMs = nowMs,
        Owner = owner,
        Group = group,
        Mode = mode,
        MountId = mountId,
        TtlMs = -1,
        ReplicationMax = -1,
        PersistenceState = Protos.Meta.PersistenceState.NotPersisted,
    };

    public static InodeRecord File(long id, long parentId, string name, long mountId, string owner, string group, int mode, long blockSize, long nowMs) => new()
    {
        Id = id,
        ParentId = parentId,
        Name = name,
        IsDirectory = false,
        CreationTimeMs = nowMs,
        LastModificationTimeMs = nowMs,
        LastAccessTimeMs = nowMs,
        Owner = owner,
        Group = group,
        Mode = mode,
        MountId = mountId,
        BlockSizeBytes = blockSize,
        Cacheable = true,
        TtlMs = -1,
        ReplicationMax = -1,
        PersistenceState = Protos.Meta.PersistenceState.NotPersisted,
    };

    /// <summary>An inode for something found in the UFS: persisted, completed, fingerprinted.</summary>
    public static InodeRecord FromUfs(long id, long parentId, UfsStatus status, long mountId, InodeRecord fallbackOwner, long blockSize)
    {
        var mtime = status.LastModified.ToUnixTimeMilliseconds();
        var record = new InodeRecord
        {
            Id = id,
            ParentId = parentId,
            Name = status.Name,
            IsDirectory = status.IsDirectory,
            CreationTimeMs = mtime,
            LastModificationTimeMs = mtime,
            LastAccessTimeMs = mtime,
            Owner = status.Owner ?? fallbackOwner.Owner,
            Group = status.Group ?? fallbackOwner.Group,
            Mode = status.Mode != 0 ? status.Mode : (status.IsDirectory ? 0x1ED : 0x1A4),
            MountId = mountId,
            TtlMs = -1,
            ReplicationMax = -1,
            PersistenceState = Protos.Meta.PersistenceState.Persisted,
            UfsFingerprint = status.Fingerprint,
            LoadedFromUfs = true,
        };
        if (!status.IsDirectory)
        {
            record.Length = status.Length;
            record.BlockSizeBytes = blockSize;
            record.Completed = true;
            record.Cacheable = true;
        }

        return record;
    }

    /// <summary>
    /// The record refreshed from a changed UFS status (same id, parent and name). Cached data is dropped only when the
    /// content changed (length, mtime, hash, identity), not for an owner, group or mode change.
    /// </summary>
    public static InodeRecord Refreshed(InodeRecord current, UfsStatus status)
    {
        var sameContent = SameContent(current.UfsFingerprint, status.Fingerprint);
        var record = current.Clone();
        record.UfsFingerprint = status.Fingerprint;
        record.LastModificationTimeMs = status.LastModified.ToUnixTimeMilliseconds();
        record.Owner = status.Owner ?? record.Owner;
        record.Group = status.Group ?? record.Group;
        if (status.Mode != 0)
        {
            record.Mode = status.Mode;
        }

        if (!status.IsDirectory && !sameContent)
        {
            record.Length = status.Length;
            record.BlockIds.Clear();
            record.Completed = true;
        }

        return record;
    }

    /// <summary>
    /// A file whose content changed in the UFS, as a new inode (<paramref name="fresh"/>, with a new id and so new block
    /// ids) that keeps what users set on the old one: pin, TTL, replication, extended attributes.
    /// </summary>
    public static InodeRecord Replacing(InodeRecord fresh, InodeRecord old)
    {
        fresh.Pinned = old.Pinned;
        fresh.TtlMs = old.TtlMs;
        fresh.TtlAction = old.TtlAction;
        fresh.TtlStartMs = old.TtlStartMs;
        fresh.ReplicationMin = old.ReplicationMin;
        fresh.ReplicationMax = old.ReplicationMax;
        fresh.Xattr.Add(old.Xattr);
        return fresh;
    }

    /// <summary>Whether two fingerprints describe the same content (an unknown fingerprint never does).</summary>
    public static bool SameContent(string before, string after)
    {
        try
        {
            return before.Length > 0 && UfsFingerprint.HasSameContent(before, after);
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
