using Alluxio.Runtime;

namespace Alluxio.Grains.FileSystem;

/// <summary>Metadata-sync settings of one call: the load type and an optional sync interval override.</summary>
public sealed record SyncOptions(LoadMetadataType LoadMetadataType = LoadMetadataType.Once, long? SyncIntervalMs = null)
{
    public static SyncOptions Default { get; } = new();
}

public sealed record ListStatusOptions(bool Recursive = false, SyncOptions? Sync = null, bool LoadMetadataOnly = false);

public sealed record CreateDirectoryOptions(
    bool Recursive = false,
    bool AllowExists = false,
    int? Mode = null,
    WriteType WriteType = WriteType.Default,
    SyncOptions? Sync = null,
    long? Ttl = null,
    TtlAction? TtlAction = null);

public sealed record CreateFileOptions(
    long BlockSizeBytes = 0,
    bool Recursive = false,
    int? Mode = null,
    int ReplicationMin = 0,
    int ReplicationMax = -1,
    WriteType WriteType = WriteType.Default,
    SyncOptions? Sync = null,
    long? Ttl = null,
    TtlAction? TtlAction = null,
    bool Overwrite = false);

/// <param name="Length">The file's length in bytes.</param>
/// <param name="Persisted">The data was written to the UFS (THROUGH / CACHE_THROUGH).</param>
/// <param name="BlockIds">The blocks the data was written to (empty for THROUGH).</param>
/// <param name="AsyncPersist">Persist the data in the background (ASYNC_THROUGH); an empty file is persisted at once.</param>
[Immutable]
public sealed record CompleteFileOptions(long Length = 0, bool Persisted = false, IReadOnlyList<long>? BlockIds = null, bool AsyncPersist = false);

public sealed record DeleteOptions(bool Recursive = false, bool AlluxioOnly = false, bool Unchecked = false, SyncOptions? Sync = null);

public sealed record RenameOptions(SyncOptions? Sync = null);

/// <summary>Only the non-null values are changed.</summary>
public sealed record SetAttributeOptions(
    bool Recursive = false,
    string? Owner = null,
    string? Group = null,
    int? Mode = null,
    bool? Pinned = null,
    long? Ttl = null,
    TtlAction? TtlAction = null,
    int? ReplicationMin = null,
    int? ReplicationMax = null,
    SyncOptions? Sync = null);

[Immutable]
public sealed record MountOptions(bool ReadOnly = false, bool Shared = false, IReadOnlyDictionary<string, string>? Properties = null);

/// <summary>A mount as <c>getMountTable</c> reports it.</summary>
[Immutable]
public sealed record MountInfo(
    string AlluxioPath,
    string UfsUri,
    string UfsType,
    long MountId,
    bool ReadOnly,
    bool Shared,
    IReadOnlyDictionary<string, string> Properties,
    long UfsCapacityBytes,
    long UfsUsedBytes);

/// <summary>What a loadMetadata (or sync) changed.</summary>
public sealed record LoadMetadataResult(long Created, long Updated, long Removed);

/// <summary>An active-sync point.</summary>
public sealed record SyncPointInfo(string Path, bool Syncing);

/// <summary>Configuration of one path (`fsadmin pathConf`).</summary>
[Immutable]
public sealed record PathConfiguration(string Path, IReadOnlyDictionary<string, string> Properties);

/// <summary>The access bits of checkAccess: 4 read, 2 write, 1 execute.</summary>
[Flags]
public enum AccessBits
{
    None = 0,
    Execute = 1,
    Write = 2,
    Read = 4,
}

/// <param name="ReadType">How the read uses the cache (Default = the client's default, CACHE).</param>
/// <param name="Sync">Metadata sync for the status lookup that opens the file.</param>
public sealed record OpenFileOptions(ReadType ReadType = ReadType.Default, SyncOptions? Sync = null);
