using Alluxio.Grains.Exceptions;
using Alluxio.Grains.Security;
using Alluxio.Runtime;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Alluxio.Grains.FileSystem.Grains;

/// <summary>
/// The TTL checker (see <see cref="ITtlCheckerGrain"/>). A scan of the store per check, as Alluxio's checker walks its
/// TTL buckets once per interval; the interval is long (an hour by default), so the scan's cost does not matter. The
/// actions run as the silo's own user (a superuser). A failing action is logged and retried at the next check.
/// </summary>
public sealed partial class TtlCheckerGrain(FileSystemMaster master, IOptions<FileSystemMasterOptions> options, TimeProvider time, ILogger<TtlCheckerGrain> logger)
    : Grain, ITtlCheckerGrain
{
    private static readonly CallerIdentity System = CallerIdentity.OfUser(Environment.UserName);
    private IGrainTimer? _timer;

    public Task Start()
    {
        var interval = options.Value.TtlCheckInterval;
        _timer ??= this.RegisterGrainTimer(_ => CheckNow(), new GrainTimerCreationOptions(interval, interval) { KeepAlive = true });
        return Task.CompletedTask;
    }

    public async Task<int> CheckNow()
    {
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        var expired = master.Reader.State.ScanInodes(i => i.TtlMs >= 0 && i.TtlStartMs + i.TtlMs <= now).ToList();
        var acted = 0;
        foreach (var inode in expired)
        {
            if (master.Reader.GetById(inode.Id) is not { } found)
            {
                continue;
            }

            try
            {
                switch (inode.TtlAction)
                {
                    case Protos.Meta.TtlAction.Free:
                        await master.FreeAsync(found.Path, recursive: true, forced: false, System);
                        await master.SetAttributeAsync(found.Path, new SetAttributeOptions(Ttl: -1), System);
                        break;
                    case Protos.Meta.TtlAction.DeleteAlluxio:
                        await master.DeleteAsync(found.Path, new DeleteOptions(Recursive: true, AlluxioOnly: true), System);
                        break;
                    default:
                        await master.DeleteAsync(found.Path, new DeleteOptions(Recursive: true), System);
                        break;
                }

                acted++;
                LogExpired(found.Path, inode.TtlAction.ToString());
            }
            catch (AlluxioException e)
            {
                LogActionFailed(found.Path, inode.TtlAction.ToString(), e.Message);
            }
        }

        return acted;
    }

    [LoggerMessage(8301, LogLevel.Information, "TTL of {Path} expired: {Action}")]
    private partial void LogExpired(string path, string action);

    [LoggerMessage(8302, LogLevel.Warning, "TTL action {Action} on {Path} failed; retried at the next check: {Reason}")]
    private partial void LogActionFailed(string path, string action, string reason);
}
