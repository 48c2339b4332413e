using Alluxio.Grains.FileSystem;
using Alluxio.Grains.FileSystem.Mounts;
using Alluxio.Grains.Worker;
using Alluxio.Tiers.Exceptions;
using Alluxio.Ufs;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Alluxio.Grains.Persistence;

/// <summary>
/// Persists ASYNC_THROUGH files: copies each queued file's blocks from the worker's cache into a UFS file that appears
/// atomically, then has the master mark the file PERSISTED (never before the UFS commit returned). A failure is
/// recorded on the file (<c>alluxio fs stat</c> shows it) and retried with backoff, forever — the data stays pinned in
/// the cache meanwhile. A file whose blocks left the cache before it was persisted is marked LOST. At start the queue
/// is rebuilt from the journaled TO_BE_PERSISTED files, so a kill loses no pending persist.
/// </summary>
public sealed partial class Persister(
    FileSystemMaster master,
    Block.BlockMaster blocks,
    PersistQueue queue,
    LocalWorker worker,
    UfsManager ufs,
    IOptions<FileSystemMasterOptions> options,
    TimeProvider time,
    Metrics.MetricsRegistry metrics,
    ILogger<Persister> logger) : IAsyncDisposable
{
    private readonly FileSystemMasterOptions _options = options.Value;
    private readonly CancellationTokenSource _stopping = new();
    private Task? _loop;

    /// <summary>Starts the loop; the rebuild of the queue from the store runs in the background.</summary>
    public void Start()
    {
        blocks.BlockLost += OnBlockLost;
        _loop = Task.Run(() => RunAsync(_stopping.Token));
    }

    /// <summary>A worker lost the only copy of a block of an unpersisted file: the file is LOST.</summary>
    private void OnBlockLost(long fileId, long blockId) =>
        _ = MarkLostQuietlyAsync(fileId, $"block {blockId} left the cache before the file was persisted");

    private async Task MarkLostQuietlyAsync(long fileId, string reason)
    {
        try
        {
            await master.MarkLostAsync(fileId, reason);
            queue.Done(fileId);
        }
        catch (Exception e)
        {
            LogFailed($"file {fileId}", 0, e.Message);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_stopping.IsCancellationRequested)
        {
            return;
        }

        blocks.BlockLost -= OnBlockLost;
        await _stopping.CancelAsync();
        try
        {
            await (_loop ?? Task.CompletedTask);
        }
        catch (OperationCanceledException)
        {
        }

        _stopping.Dispose();
    }

    private async Task RunAsync(CancellationToken cancellationToken)
    {
        var recovered = 0;
        foreach (var file in master.Reader.State.ScanInodes(i => i.PersistenceState == Protos.Meta.PersistenceState.ToBePersisted && !i.IsDirectory))
        {
            queue.Enqueue(file.Id, TimeSpan.Zero);
            recovered++;
        }

        if (recovered > 0)
        {
            LogRecovered(recovered);
        }

        var running = new List<Task>();
        while (!cancellationToken.IsCancellationRequested)
        {
            running.RemoveAll(t => t.IsCompleted);
            var changed = queue.Changed;
            var (due, next) = queue.TakeDue(_options.PersistConcurrency - running.Count);
            running.AddRange(due.Select(id => Task.Run(() => PersistAsync(id, cancellationToken), cancellationToken)));
            var wake = next is { } at ? Task.Delay(Max(at - time.GetUtcNow(), TimeSpan.Zero), time, cancellationToken) : Task.Delay(Timeout.Infinite, cancellationToken);
            await Task.WhenAny([changed, wake, .. running]).WaitAsync(cancellationToken);
        }
    }

    /// <summary>One attempt at persisting one file.</summary>
    internal async Task PersistAsync(long fileId, CancellationToken cancellationToken)
    {
        var target = master.GetPersistTarget(fileId);
        if (target is null)
        {
            queue.Done(fileId);
            return;
        }

        try
        {
            var connector = ufs.Get(target.Mount);
            var fingerprint = await FileSystemMaster.UfsCall(target.Mount, target.Path, async () =>
            {
                await using (var output = await connector.CreateFileAsync(target.UfsPath, new UfsCreateFileOptions { Mode = target.Mode, CreateParents = true, Overwrite = true }, cancellationToken))
                {
                    await CopyBlocksAsync(target, output, cancellationToken);
                    await output.CommitAsync(cancellationToken);
                }

                return (await connector.GetStatusAsync(target.UfsPath, cancellationToken))?.Fingerprint
                    ?? throw new UfsException($"{target.UfsPath} is missing right after it was written");
            });

            if (await master.CompletePersistAsync(target, fingerprint))
            {
                queue.Done(fileId);
                foreach (var blockId in target.BlockIds)
                {
                    worker.Store.SetPinned(blockId, target.Pinned); // safe in the UFS now: evictable unless the file is pinned
                }

                metrics.Add(Metrics.MetricNames.FilesPersisted);
                metrics.Add(Metrics.MetricNames.BytesWrittenUfsAll, target.Length);
                LogPersisted(target.Path, target.Length);
                return;
            }

            // Renamed, deleted or rewritten meanwhile: what we wrote is not the file's; try again from its current state.
            await FileSystemMaster.UfsCall(target.Mount, target.Path, () => connector.DeleteFileAsync(target.UfsPath, cancellationToken));
            queue.Failed(fileId, "the file changed while it was being persisted", TimeSpan.Zero, TimeSpan.Zero);
        }
        catch (LostBlockException e)
        {
            queue.Done(fileId);
            await master.MarkLostAsync(fileId, e.Message);
            LogLost(target.Path, e.Message);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            var next = queue.Failed(fileId, e.Message, _options.PersistRetryDelay, _options.PersistRetryMaxDelay);
            LogFailed(target.Path, next?.Attempts ?? 0, e.Message);
            try
            {
                await master.RecordPersistFailureAsync(fileId, e.Message);
            }
            catch (Exception recordError)
            {
                LogFailed(target.Path, next?.Attempts ?? 0, recordError.Message);
            }
        }
    }

    private async Task CopyBlocksAsync(PersistTarget target, Stream output, CancellationToken cancellationToken)
    {
        var buffer = new byte[LocalWorker.DefaultChunkBytes];
        foreach (var blockId in target.BlockIds)
        {
            Tiers.Store.IBlockReader reader;
            try
            {
                reader = await worker.Store.OpenReadAsync(blockId, cancellationToken: cancellationToken);
            }
            catch (BlockNotFoundException)
            {
                throw new LostBlockException($"block {blockId} left the cache before the file was persisted");
            }

            using (reader)
            {
                for (long offset = 0; offset < reader.Length;)
                {
                    int read;
                    try
                    {
                        read = reader.Read(offset, buffer);
                    }
                    catch (BlockCorruptedException e)
                    {
                        throw new LostBlockException($"block {blockId} is corrupt and was the only copy: {e.Message}");
                    }

                    await output.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                    offset += read;
                }
            }
        }
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    /// <summary>The only copy of a block of the file is gone.</summary>
    private sealed class LostBlockException(string message) : Exception(message);

    [LoggerMessage(8201, LogLevel.Information, "{Count} files waiting to be persisted found at start")]
    private partial void LogRecovered(int count);

    [LoggerMessage(8202, LogLevel.Debug, "Persisted {Path} ({Length} bytes)")]
    private partial void LogPersisted(string path, long length);

    [LoggerMessage(8203, LogLevel.Warning, "Persisting {Path} failed (attempt {Attempts}); it will be retried: {Reason}")]
    private partial void LogFailed(string path, int attempts, string reason);

    [LoggerMessage(8204, LogLevel.Error, "{Path} is LOST: {Reason}")]
    private partial void LogLost(string path, string reason);
}
