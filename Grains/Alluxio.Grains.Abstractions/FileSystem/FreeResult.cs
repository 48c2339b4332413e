using Alluxio.Runtime;

namespace Alluxio.Grains.FileSystem;

/// <summary>What a free did: files whose cached blocks were released, and block copies the workers will drop.</summary>
[Immutable]
public sealed record FreeResult(int Files, int Blocks);
