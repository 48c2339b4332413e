using Alluxio.Testing.Ufs;
using Alluxio.Ufs.Local;

namespace Alluxio.Ufs.Tests;

/// <summary>
/// The UFS contract over a local directory. After each test, nothing may exist beside the mounted root (no escape
/// wrote outside it) and no pending-write or pending-delete entry may be left inside it.
/// </summary>
public sealed class LocalUnderFileSystemContractTests : UnderFileSystemContractTests
{
    private readonly ScratchDirectory _scratch = new();

    protected override Task<IUnderFileSystem> CreateUnderFileSystemAsync() =>
        Task.FromResult<IUnderFileSystem>(new LocalUnderFileSystem(_scratch.Root));

    protected override Task CleanupAsync()
    {
        try
        {
            Assert.Equal([_scratch.Root], Directory.EnumerateFileSystemEntries(_scratch.Path));
            Assert.Empty(_scratch.InternalLeftovers());
        }
        finally
        {
            _scratch.Dispose();
        }

        return Task.CompletedTask;
    }
}
