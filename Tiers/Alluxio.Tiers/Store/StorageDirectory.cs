namespace Alluxio.Tiers.Store;

/// <summary>
/// A tier directory: <c>blocks/</c> holds committed blocks (<c>&lt;id&gt;</c> and <c>&lt;id&gt;.meta</c>), <c>tmp/</c>
/// temp blocks. Space accounting and the block set are guarded by the store's lock.
/// </summary>
internal sealed class StorageDirectory(StorageTier tier, string path, long capacity)
{
    public StorageTier Tier { get; } = tier;

    public string Path { get; } = path;

    public string BlocksPath { get; } = System.IO.Path.Combine(path, "blocks");

    public string TempPath { get; } = System.IO.Path.Combine(path, "tmp");

    public long Capacity { get; } = capacity;

    /// <summary>Bytes of committed blocks in this directory.</summary>
    public long Committed { get; set; }

    /// <summary>Bytes reserved by temp blocks and blocks moving in.</summary>
    public long Reserved { get; set; }

    public long Available => Capacity - Committed - Reserved;

    public bool Healthy { get; set; } = true;

    public string? FailureReason { get; set; }

    public Dictionary<long, BlockEntry> Blocks { get; } = [];

    public string DataFile(long blockId) => System.IO.Path.Combine(BlocksPath, blockId.ToString(System.Globalization.CultureInfo.InvariantCulture));

    public string MetaFile(long blockId) => DataFile(blockId) + ".meta";

    public DirectoryReport Report() => new(Path, Capacity, Committed, Reserved, Blocks.Count, Healthy, FailureReason);
}
