using Alluxio.Grains.Security;
using Alluxio.Runtime;

namespace Alluxio.Grains.FileSystem.Grains;

/// <summary>One file's lifecycle (key: inode id). Non-reentrant: its operations run one at a time.</summary>
public sealed class FileGrain(FileSystemMaster master) : Grain, IFileGrain
{
    public Task<FileStatus> Complete(string path, CompleteFileOptions options, CallerIdentity caller) =>
        master.CompleteFileAsync(path, options, caller);
}
