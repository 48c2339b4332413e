using Alluxio.Grains.FileSystem;

namespace Alluxio.Cli.Tests.Unit;

/// <summary>FileStatus values for formatter tests.</summary>
internal static class StatusSamples
{
    /// <summary>2024-01-02T03:04:05.678Z.</summary>
    public static readonly long Modified = new DateTimeOffset(2024, 1, 2, 3, 4, 5, 678, TimeSpan.Zero).ToUnixTimeMilliseconds();

    /// <summary>2023-12-31T23:59:59.001Z.</summary>
    public static readonly long Created = new DateTimeOffset(2023, 12, 31, 23, 59, 59, 1, TimeSpan.Zero).ToUnixTimeMilliseconds();

    public static FileStatus File(string path = "/data/f", long length = 1234, int inAlluxio = 50) => new()
    {
        FileId = 42,
        Name = path[(path.LastIndexOf('/') + 1)..],
        Path = path,
        UfsPath = "file:///ufs" + path,
        Length = length,
        BlockSizeBytes = 64 << 20,
        CreationTimeMs = Created,
        LastModificationTimeMs = Modified,
        LastAccessTimeMs = Modified,
        Completed = true,
        Owner = "alice",
        Group = "staff",
        Mode = 0x1A4,
        PersistenceState = PersistenceState.Persisted,
        InAlluxioPercentage = inAlluxio,
        BlockIds = [7, 8],
        MountId = 1,
    };

    public static FileStatus Directory(string path = "/data") => File(path, length: 3, inAlluxio: 100) with
    {
        Folder = true,
        Mode = 0x1ED,
        BlockIds = [],
        PersistenceState = PersistenceState.NotPersisted,
    };
}
