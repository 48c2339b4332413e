using System.Collections.Concurrent;
using Alluxio.Client;
using Alluxio.Grains.Exceptions;
using Alluxio.Grains.FileSystem;
using Alluxio.Testing.Processes;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit;
using Xunit.Abstractions;

namespace Alluxio.Integration.Tests;

/// <summary>
/// A silo creating files is killed with SIGKILL at a random moment (seeded, so a failure can be replayed); after a
/// restart every create that was acknowledged exists, and the store is consistent (no orphan edge, no inode without
/// a parent).
/// </summary>
public sealed class CrashTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public async Task Acknowledged_creates_survive_sigkill_and_the_store_stays_consistent(int seed)
    {
        var random = new Random(seed);
        using var dir = new TempDirectory();
        var dataDir = dir.Sub("data");
        var acknowledged = new ConcurrentBag<string>();
        for (var round = 0; round < 2; round++)
        {
            await using var silo = SiloProcess.Start(dataDir);
            await silo.WaitUntilServingAsync();
            using var fs = FileSystem.Connect(silo.Address);
            foreach (var path in acknowledged)
            {
                Assert.True(await fs.ExistsAsync(path, new SyncOptions(LoadMetadataType.Never)), $"acknowledged {path} is missing after restart {round} (seed {seed})");
            }

            await fs.CreateDirectoryAsync($"/round{round}", new CreateDirectoryOptions(AllowExists: true));
            using var stop = new CancellationTokenSource();
            var writers = Enumerable.Range(0, 8).Select(w => Task.Run(async () =>
            {
                for (var i = 0; !stop.IsCancellationRequested; i++)
                {
                    var path = $"/round{round}/w{w}-{i}";
                    try
                    {
                        await fs.CreateFileAsync(path, new CreateFileOptions(WriteType: i % 2 == 0 ? WriteType.MustCache : WriteType.CacheThrough));
                        acknowledged.Add(path);
                        if (i % 5 == 0)
                        {
                            await fs.CreateDirectoryAsync(path + ".d/x/y", new CreateDirectoryOptions(Recursive: true));
                            acknowledged.Add(path + ".d/x/y");
                        }
                    }
                    catch (Exception e) when (e is UnavailableException or TimeoutException or OperationCanceledException or AlluxioException)
                    {
                        // Lost with the silo: not acknowledged, so not required to exist.
                        return;
                    }
                }
            })).ToList();

            await Task.Delay(TimeSpan.FromMilliseconds(random.Next(300, 1500)));
            await silo.KillAsync();
            await stop.CancelAsync();
            await Task.WhenAll(writers);
            output.WriteLine($"seed {seed} round {round}: {acknowledged.Count} acknowledged so far");
        }

        await using (var final = SiloProcess.Start(dataDir))
        {
            await final.WaitUntilServingAsync();
            using var fs = FileSystem.Connect(final.Address);
            foreach (var path in acknowledged)
            {
                Assert.True(await fs.ExistsAsync(path, new SyncOptions(LoadMetadataType.Never)), $"acknowledged {path} is missing (seed {seed})");
            }

            Assert.Equal(0, await final.StopAsync());
        }

        using var store = Alluxio.Metastore.Metastore.Open(new Alluxio.Metastore.MetastoreOptions { Directory = dataDir }, NullLogger.Instance);
        Assert.Empty(store.CheckConsistency());
        Assert.True(acknowledged.Count > 10, $"the test must acknowledge some creates before the kill (seed {seed}: {acknowledged.Count})");
    }
}
