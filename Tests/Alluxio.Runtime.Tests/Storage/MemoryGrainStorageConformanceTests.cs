using Alluxio.Runtime.Storage;
using Alluxio.Testing.Storage;

namespace Alluxio.Runtime.Tests.Storage;

public sealed class MemoryGrainStorageConformanceTests : GrainStorageConformanceTests
{
    protected override Task<IGrainStorage> CreateStorageAsync() =>
        Task.FromResult<IGrainStorage>(new MemoryGrainStorage(new JsonGrainStorageSerializer()));
}
