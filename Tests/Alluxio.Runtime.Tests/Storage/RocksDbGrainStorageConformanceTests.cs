using Alluxio.Runtime.Storage;
using Alluxio.Runtime.Storage.RocksDb;
using Alluxio.Testing.Storage;
using Microsoft.Extensions.Logging.Abstractions;

namespace Alluxio.Runtime.Tests.Storage;

public sealed class RocksDbGrainStorageConformanceTests : DurableGrainStorageConformanceTests, IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), "alluxio-grainstate-" + Guid.NewGuid().ToString("N"));
    private RocksDbGrainStorage? _current;

    protected override Task<IGrainStorage> CreateStorageAsync() => Task.FromResult<IGrainStorage>(Open());

    protected override Task<IGrainStorage> ReopenStorageAsync()
    {
        _current?.Dispose();
        return Task.FromResult<IGrainStorage>(Open());
    }

    protected override Task DisposeStorageAsync()
    {
        _current?.Dispose();
        _current = null;
        return Task.CompletedTask;
    }

    private RocksDbGrainStorage Open() =>
        _current = new RocksDbGrainStorage(new RocksDbGrainStorageOptions { Path = _path }, new JsonGrainStorageSerializer(), NullLogger<RocksDbGrainStorage>.Instance);

    public void Dispose()
    {
        _current?.Dispose();
        if (Directory.Exists(_path))
        {
            Directory.Delete(_path, recursive: true);
        }
    }
}
