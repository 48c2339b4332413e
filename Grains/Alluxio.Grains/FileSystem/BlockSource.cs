using Alluxio.Protos.Meta;

namespace Alluxio.Grains.FileSystem;

/// <summary>Where the bytes of a block live in the UFS: its file's mount, path in the mount, offset and length.</summary>
/// <param name="BlockId">The block.</param>
/// <param name="Mount">The file's mount.</param>
/// <param name="UfsPath">The file's path relative to the mount's UFS root.</param>
/// <param name="OffsetInFile">Where the block starts in the file.</param>
/// <param name="Length">The block's length.</param>
/// <param name="Path">The file's Alluxio path (for messages).</param>
public sealed record BlockSource(long BlockId, MountRecord Mount, string UfsPath, long OffsetInFile, long Length, string Path);
