using Alluxio.Tiers.Files;

namespace Alluxio.Tiers.Store;

/// <summary>A block being written. Owned by its writer; <see cref="Reserved"/> changes only on the writer's calls.</summary>
internal sealed class TempBlock(long id, bool pinned)
{
    public long Id { get; } = id;

    public bool Pinned { get; } = pinned;

    public StorageDirectory Directory { get; private set; } = null!;

    public string FilePath { get; private set; } = "";

    public IBlockFile File { get; private set; } = null!;

    /// <summary>Bytes reserved in <see cref="Directory"/> for this block.</summary>
    public long Reserved { get; set; }

    public void Attach(StorageDirectory directory, long reserved, string filePath, IBlockFile file)
    {
        Directory = directory;
        Reserved = reserved;
        FilePath = filePath;
        File = file;
    }
}
