using Alluxio.Protos.Meta;

namespace Alluxio.Grains.FileSystem.Namespace;

/// <summary>How much of a file is cached in Alluxio (the block master answers once workers exist).</summary>
public interface IBlockPresence
{
    /// <summary>Percentages of the file's bytes in Alluxio and in the MEM tier.</summary>
    (int InAlluxio, int InMemory) GetPercentages(InodeRecord file);
}

/// <summary>Before any worker exists: only empty files are fully "in Alluxio".</summary>
public sealed class NoBlockPresence : IBlockPresence
{
    public (int InAlluxio, int InMemory) GetPercentages(InodeRecord file) =>
        file.Completed && file.Length == 0 ? (100, 100) : (0, 0);
}
