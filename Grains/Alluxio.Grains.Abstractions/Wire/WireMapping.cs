using Alluxio.Grains.FileSystem;
using Alluxio.Protos.Grpc.File;
using Google.Protobuf;
using FileInfo = Alluxio.Protos.Grpc.File.FileInfo;

namespace Alluxio.Grains.Wire;

/// <summary>
/// Conversions between the grain-level types and the FileSystemMaster wire messages, in both directions (the silo
/// answers with them, the .NET SDK reads them), kept in one place so the two sides cannot drift apart.
/// </summary>
public static class WireMapping
{
    public static FileInfo ToWire(this FileStatus status)
    {
        var info = new FileInfo
        {
            FileId = status.FileId,
            Name = status.Name,
            Path = status.Path,
            UfsPath = status.UfsPath,
            Length = status.Length,
            BlockSizeBytes = status.BlockSizeBytes,
            CreationTimeMs = status.CreationTimeMs,
            Completed = status.Completed,
            Folder = status.Folder,
            Pinned = status.Pinned,
            Cacheable = status.Cacheable,
            Persisted = status.Persisted,
            LastModificationTimeMs = status.LastModificationTimeMs,
            Ttl = status.Ttl,
            TtlAction = (TtlActionP)(int)status.TtlAction,
            Owner = status.Owner,
            Group = status.Group,
            Mode = status.Mode,
            PersistenceState = PersistenceStateName(status.PersistenceState),
            MountPoint = status.MountPoint,
            MountId = status.MountId,
            InAlluxioPercentage = status.InAlluxioPercentage,
            InMemoryPercentage = status.InMemoryPercentage,
            UfsFingerprint = status.UfsFingerprint,
            ReplicationMax = status.ReplicationMax,
            ReplicationMin = status.ReplicationMin,
            LastAccessTimeMs = status.LastAccessTimeMs,
            PersistError = status.PersistError,
        };
        info.BlockIds.Add(status.BlockIds);
        return info;
    }

    /// <summary>
    /// The serialized FileInfo of <paramref name="status"/>, made once per status and kept with it (a status is
    /// immutable, and the master keeps one per cached inode), so serving it again costs a copy.
    /// </summary>
    public static ByteString ToWireBytes(this FileStatus status) =>
        status.WireForm ??= UnsafeByteOperations.UnsafeWrap(status.ToWire().ToByteArray());

    public static FileStatus FromWire(this FileInfo info) => new()
    {
        FileId = info.FileId,
        Name = info.Name,
        Path = info.Path,
        UfsPath = info.UfsPath,
        Length = info.Length,
        BlockSizeBytes = info.BlockSizeBytes,
        CreationTimeMs = info.CreationTimeMs,
        Completed = info.Completed,
        Folder = info.Folder,
        Pinned = info.Pinned,
        Cacheable = info.Cacheable,
        LastModificationTimeMs = info.LastModificationTimeMs,
        Ttl = info.Ttl,
        TtlAction = (TtlAction)(int)info.TtlAction,
        Owner = info.Owner,
        Group = info.Group,
        Mode = info.Mode,
        PersistenceState = ParsePersistenceState(info.PersistenceState),
        MountPoint = info.MountPoint,
        MountId = info.MountId,
        InAlluxioPercentage = info.InAlluxioPercentage,
        InMemoryPercentage = info.InMemoryPercentage,
        UfsFingerprint = info.UfsFingerprint,
        ReplicationMax = info.ReplicationMax,
        ReplicationMin = info.ReplicationMin,
        LastAccessTimeMs = info.LastAccessTimeMs,
        PersistError = info.PersistError,
        BlockIds = [.. info.BlockIds],
    };

    public static string PersistenceStateName(PersistenceState state) => state switch
    {
        PersistenceState.NotPersisted => "NOT_PERSISTED",
        PersistenceState.ToBePersisted => "TO_BE_PERSISTED",
        PersistenceState.Persisted => "PERSISTED",
        PersistenceState.Lost => "LOST",
        _ => state.ToString(),
    };

    public static PersistenceState ParsePersistenceState(string name) => name switch
    {
        "TO_BE_PERSISTED" => PersistenceState.ToBePersisted,
        "PERSISTED" => PersistenceState.Persisted,
        "LOST" => PersistenceState.Lost,
        _ => PersistenceState.NotPersisted,
    };

    public static SyncOptions ToSyncOptions(LoadMetadataPType type, FileSystemMasterCommonPOptions? common) =>
        new((LoadMetadataType)(int)type, common is { HasSyncIntervalMs: true } ? common.SyncIntervalMs : null);

    public static FileSystemMasterCommonPOptions ToWire(SyncOptions? options)
    {
        var common = new FileSystemMasterCommonPOptions();
        if (options?.SyncIntervalMs is { } interval)
        {
            common.SyncIntervalMs = interval;
        }

        return common;
    }

    public static LoadMetadataPType LoadTypeToWire(SyncOptions? options) => (LoadMetadataPType)(int)(options?.LoadMetadataType ?? LoadMetadataType.Once);

    public static WriteType FromWire(WritePType type) => type switch
    {
        WritePType.MustCache => WriteType.MustCache,
        WritePType.CacheThrough => WriteType.CacheThrough,
        WritePType.Through => WriteType.Through,
        WritePType.AsyncThrough => WriteType.AsyncThrough,
        _ => WriteType.Default,
    };

    public static WritePType ToWire(WriteType type) => type switch
    {
        WriteType.MustCache => WritePType.MustCache,
        WriteType.CacheThrough => WritePType.CacheThrough,
        WriteType.Through => WritePType.Through,
        WriteType.AsyncThrough => WritePType.AsyncThrough,
        _ => WritePType.WriteDefault,
    };

    public static MountPointInfo ToWire(this MountInfo mount)
    {
        var info = new MountPointInfo
        {
            AlluxioPath = mount.AlluxioPath,
            UfsUri = mount.UfsUri,
            UfsType = mount.UfsType,
            MountId = mount.MountId,
            ReadOnly = mount.ReadOnly,
            Shared = mount.Shared,
            UfsCapacityBytes = mount.UfsCapacityBytes,
            UfsUsedBytes = mount.UfsUsedBytes,
        };
        info.Properties.Add(mount.Properties.ToDictionary(p => p.Key, p => p.Value));
        return info;
    }

    public static MountInfo FromWire(this MountPointInfo info) =>
        new(info.AlluxioPath, info.UfsUri, info.UfsType, info.MountId, info.ReadOnly, info.Shared,
            info.Properties.ToDictionary(p => p.Key, p => p.Value), info.UfsCapacityBytes, info.UfsUsedBytes);
}
