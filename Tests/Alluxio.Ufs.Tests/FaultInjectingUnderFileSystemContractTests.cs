using Alluxio.Testing.Ufs;
using Alluxio.Ufs.Local;

namespace Alluxio.Ufs.Tests;

/// <summary>
/// The UFS contract through <see cref="FaultInjectingUnderFileSystem"/> with no rules installed: proves the decorator
/// (and its stream wrappers) forwards every operation faithfully, so fault tests exercise the real contract.
/// </summary>
public sealed class FaultInjectingUnderFileSystemContractTests : UnderFileSystemContractTests
{
    private readonly ScratchDirectory _scratch = new();

    protected override Task<IUnderFileSystem> CreateUnderFileSystemAsync() =>
        Task.FromResult<IUnderFileSystem>(new FaultInjectingUnderFileSystem(new LocalUnderFileSystem(_scratch.Root), seed: 1));

    protected override Task CleanupAsync()
    {
        try
        {
            Assert.Empty(_scratch.InternalLeftovers());
        }
        finally
        {
            _scratch.Dispose();
        }

        return Task.CompletedTask;
    }
}
