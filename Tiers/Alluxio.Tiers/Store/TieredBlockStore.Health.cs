using Alluxio.Tiers.Exceptions;
using Alluxio.Tiers.Files;

namespace Alluxio.Tiers.Store;

public sealed partial class TieredBlockStore
{
    /// <summary>Marks a directory unhealthy after a disk error and returns the exception to throw.</summary>
    private TierDirectoryFailedException MarkFailed(StorageDirectory dir, Exception error)
    {
        var reason = DiskErrors.IsDiskFull(error) ? $"disk full ({error.Message})" : error.Message;
        lock (_lock)
        {
            dir.Healthy = false;
            dir.FailureReason = reason;
        }

        TieredStoreLog.DirectoryFailed(_logger, dir.Tier.Alias, dir.Path, reason, error);
        return new TierDirectoryFailedException(dir.Tier.Alias, dir.Path, reason, error);
    }

    public int CheckHealth()
    {
        List<StorageDirectory> unhealthy;
        lock (_lock)
        {
            unhealthy = [.. _tiers.SelectMany(t => t.Directories).Where(d => !d.Healthy)];
        }

        var still = 0;
        foreach (var dir in unhealthy)
        {
            if (Probe(dir))
            {
                lock (_lock)
                {
                    dir.Healthy = true;
                    dir.FailureReason = null;
                    SignalSpace();
                }

                TieredStoreLog.DirectoryRecovered(_logger, dir.Tier.Alias, dir.Path);
            }
            else
            {
                still++;
            }
        }

        return still;
    }

    /// <summary>Writes, fsyncs and deletes a small file, and checks the device has room for a reservation.</summary>
    private bool Probe(StorageDirectory dir)
    {
        var path = Path.Combine(dir.TempPath, $".probe-{Interlocked.Increment(ref _nonce)}");
        try
        {
            _files.CreateDirectory(dir.BlocksPath);
            _files.CreateDirectory(dir.TempPath);
            WriteSmallFile(path, new byte[4096], sync: true);
            _files.Delete(path);
            return _files.GetAvailableBytes(dir.Path) >= _options.ReservationBytes;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            TryDelete(path);
            return false;
        }
    }
}
