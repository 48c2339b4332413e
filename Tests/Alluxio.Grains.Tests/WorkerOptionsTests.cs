using Alluxio.Grains.Worker;
using Xunit;

namespace Alluxio.Grains.Tests;

public sealed class WorkerOptionsTests
{
    [Fact]
    public void The_defaults_are_valid_and_bad_async_cache_settings_are_refused()
    {
        Assert.Empty(new WorkerOptions().Validate());
        Assert.Empty(new WorkerOptions { AsyncCacheDeferral = TimeSpan.Zero }.Validate()); // never wait: allowed

        Assert.Contains("AsyncCacheDeferral cannot be negative", Assert.Single(new WorkerOptions { AsyncCacheDeferral = TimeSpan.FromSeconds(-1) }.Validate()), StringComparison.Ordinal);
        Assert.Contains("AsyncCacheConcurrency must be at least 1", Assert.Single(new WorkerOptions { AsyncCacheConcurrency = 0 }.Validate()), StringComparison.Ordinal);
    }
}
