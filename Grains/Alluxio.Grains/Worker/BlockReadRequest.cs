using Alluxio.Grains.FileSystem;

namespace Alluxio.Grains.Worker;

/// <summary>A ReadBlock call: a range of a block (<paramref name="Length"/> 0 = to its end), sent in chunks.</summary>
public sealed record BlockReadRequest(long BlockId, long Offset, long Length, int ChunkBytes, ReadType ReadType);
