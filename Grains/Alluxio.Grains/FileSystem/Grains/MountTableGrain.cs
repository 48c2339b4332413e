using Alluxio.Grains.Security;
using Alluxio.Runtime;

namespace Alluxio.Grains.FileSystem.Grains;

/// <summary>The mount table (key 0): non-reentrant, so mount changes are checked and committed one at a time.</summary>
public sealed class MountTableGrain(FileSystemMaster master) : Grain, IMountTableGrain
{
    public Task Mount(string alluxioPath, string ufsUri, MountOptions options, CallerIdentity caller) => master.MountAsync(alluxioPath, ufsUri, options, caller);

    public Task UpdateMount(string alluxioPath, MountOptions options, CallerIdentity caller) => master.UpdateMountAsync(alluxioPath, options, caller);

    public Task Unmount(string alluxioPath, CallerIdentity caller) => master.UnmountAsync(alluxioPath, caller);
}
