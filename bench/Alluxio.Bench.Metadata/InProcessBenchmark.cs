using Alluxio.Grains.FileSystem;
using Alluxio.Grains.Hosting;
using Alluxio.Grains.Security;
using Alluxio.Runtime;
using Alluxio.Runtime.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Alluxio.Bench.Metadata;

/// <summary>
/// The same operations called on the file system grain inside one silo (no gRPC): the server side's own ceiling,
/// to tell master cost from transport cost.
/// </summary>
internal static class InProcessBenchmark
{
    public static async Task<Dictionary<string, double>> RunAsync(string dataDir, int callers, int files, TimeSpan duration, bool fsync = true)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        var ufs = Path.Combine(dataDir, "underfs");
        Directory.CreateDirectory(ufs);
        builder.UseGrainRuntime(silo =>
        {
            silo.UseLocalhostClustering();
            silo.AddFileSystemMaster(dataDir, o => o.RootUfs = ufs, store => store.SyncJournal = fsync);
        });
        using var host = builder.Build();
        await host.StartAsync();
        var fs = host.Services.GetRequiredService<IGrainFactory>().GetGrain<IFileSystemGrain>(0);
        var me = CallerIdentity.OfUser(Environment.UserName);
        var never = new SyncOptions(LoadMetadataType.Never);
        var results = new Dictionary<string, double>();
        await fs.CreateDirectory("/in", new CreateDirectoryOptions(), me);
        await fs.CreateDirectory("/in/list", new CreateDirectoryOptions(), me);
        await Load.RunItemsAsync(callers, 1000, i => fs.CreateFile($"/in/list/f{i:D4}", new CreateFileOptions(), me));
        results["createFile"] = await Load.RunItemsAsync(callers, files, i => fs.CreateFile($"/in/f{i}", new CreateFileOptions(), me));
        results["getStatus"] = await Load.RunForAsync(callers, duration, (c, n) => fs.GetStatus($"/in/f{(c * 7919 + n) % files}", never, me));
        results["listStatus (1,000 entries)"] = await Load.RunForAsync(callers, duration, async (_, _) =>
        {
            await foreach (var _ in fs.ListStatus("/in/list", new ListStatusOptions(Sync: never), me, CancellationToken.None))
            {
            }
        });
        results["rename"] = await Load.RunItemsAsync(callers, files, i => fs.Rename($"/in/f{i}", $"/in/r{i}", new RenameOptions(), me));
        results["delete"] = await Load.RunItemsAsync(callers, files, i => fs.Delete($"/in/r{i}", new DeleteOptions(), me));
        await host.StopAsync();
        return results;
    }
}
