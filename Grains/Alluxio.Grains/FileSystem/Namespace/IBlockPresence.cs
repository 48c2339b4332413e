using Alluxio.Protos.Meta;

namespace Alluxio.Grains.FileSystem.Namespace;

/// <summary>How much of a file is cached in Alluxio (the block master answers).</summary>
public interface IBlockPresence
{
    /// <summary>Percentages of the file's bytes in Alluxio and in the MEM tier.</summary>
    (int InAlluxio, int InMemory) GetPercentages(InodeRecord file);
}
