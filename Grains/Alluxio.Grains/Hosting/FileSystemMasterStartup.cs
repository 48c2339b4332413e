using Alluxio.Grains.FileSystem;
using Alluxio.Runtime;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Alluxio.Grains.Hosting;

/// <summary>
/// Brings the master up after the grain runtime: opens the metadata store (replaying the journal), formats the
/// namespace with the root mount on first start, and resumes active sync on the journaled sync points.
/// </summary>
internal sealed partial class FileSystemMasterStartup(
    Alluxio.Metastore.Metastore metastore,
    FileSystemMaster master,
    IGrainFactory grains,
    ILogger<FileSystemMasterStartup> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await master.EnsureRootMountedAsync();
        foreach (var point in metastore.State.SyncPoints)
        {
            try
            {
                await grains.GetGrain<IMountPointGrain>(point.MountId).StartWatching(point.Path);
            }
            catch (Exception e)
            {
                LogSyncPointNotResumed(point.Path, e.Message);
            }
        }

        await grains.GetGrain<ITtlCheckerGrain>(0).Start();
        LogReady(metastore.State.AppliedSequence, metastore.State.Mounts.Count);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(8001, LogLevel.Information, "File system master ready at journal sequence {Sequence} with {Mounts} mounts")]
    private partial void LogReady(long sequence, int mounts);

    [LoggerMessage(8002, LogLevel.Warning, "Active sync of {Path} was not resumed: {Reason}")]
    private partial void LogSyncPointNotResumed(string path, string reason);
}
