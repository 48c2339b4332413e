using Alluxio.Grains.Security;
using Alluxio.Runtime;

namespace Alluxio.Grains.FileSystem;

/// <summary>One file (key: inode id): its lifecycle operations run one at a time.</summary>
public interface IFileGrain : IGrainWithIntegerKey
{
    /// <summary>Marks the file complete with its length and blocks (and persistence outcome).</summary>
    Task<FileStatus> Complete(string path, CompleteFileOptions options, CallerIdentity caller);
}
