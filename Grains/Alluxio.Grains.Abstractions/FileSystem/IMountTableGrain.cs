using Alluxio.Grains.Security;
using Alluxio.Runtime;

namespace Alluxio.Grains.FileSystem;

/// <summary>The mount table (one grain, key 0): mount, unmount and updateMount run one at a time, so mount rules are
/// checked against a table nobody else is changing.</summary>
public interface IMountTableGrain : IGrainWithIntegerKey
{
    Task Mount(string alluxioPath, string ufsUri, MountOptions options, CallerIdentity caller);

    Task UpdateMount(string alluxioPath, MountOptions options, CallerIdentity caller);

    Task Unmount(string alluxioPath, CallerIdentity caller);
}
