using Alluxio.Grains.FileSystem;
using Alluxio.Grpc.Server;
using Alluxio.Protos.Grpc.Meta;
using Alluxio.Runtime;
using Alluxio.Silo.Hosting;
using Microsoft.Extensions.Options;

namespace Alluxio.Silo.Grpc;

/// <summary>alluxio.grpc.meta.MetaMasterClientService: checkpoints, backups, master and journal information.</summary>
internal sealed class MetaMasterService(IGrainFactory grains, IOptions<SiloHostOptions> host, TimeProvider time)
{
    private readonly DateTimeOffset _started = new(System.Diagnostics.Process.GetCurrentProcess().StartTime.ToUniversalTime());

    private IMetaMasterGrain Grain => grains.GetGrain<IMetaMasterGrain>(0);

    public Task<CheckpointPResponse> Checkpoint(CheckpointPRequest request, ServerCallContext context) => GrpcErrors.Map(async () =>
    {
        var (sequence, location) = await Grain.Checkpoint(CallerIdentities.From(context));
        return new CheckpointPResponse { Sequence = sequence, Location = location };
    });

    public Task<BackupPResponse> Backup(BackupPRequest request, ServerCallContext context) => GrpcErrors.Map(async () =>
    {
        var (path, sequence) = await Grain.Backup(string.IsNullOrEmpty(request.TargetDirectory) ? null : request.TargetDirectory, CallerIdentities.From(context));
        return new BackupPResponse { BackupUri = path, Sequence = sequence, EntryCount = sequence };
    });

    public Task<GetMasterInfoPResponse> GetMasterInfo(GetMasterInfoPRequest request, ServerCallContext context)
    {
        var now = time.GetUtcNow();
        var address = $"{System.Net.Dns.GetHostName()}:{host.Value.Port}";
        var info = new MasterInfo
        {
            LeaderMasterAddress = address,
            RpcPort = host.Value.Port,
            WebPort = host.Value.WebPort,
            StartTimeMs = _started.ToUnixTimeMilliseconds(),
            UpTimeMs = (long)(now - _started).TotalMilliseconds,
            Version = typeof(MetaMasterService).Assembly.GetName().Version?.ToString() ?? "0",
            ClusterId = "default",
        };
        info.MasterAddresses.Add(address);
        return Task.FromResult(new GetMasterInfoPResponse { MasterInfo = info });
    }

    public Task<GetJournalInfoPResponse> GetJournalInfo(GetJournalInfoPRequest request, ServerCallContext context) => GrpcErrors.Map(async () =>
    {
        var info = await Grain.GetJournalInfo();
        return new GetJournalInfoPResponse
        {
            LastSequence = info.LastSequence,
            AppliedSequence = info.AppliedSequence,
            LastCheckpointSequence = info.LastCheckpointSequence,
            EntriesSinceCheckpoint = info.EntriesSinceCheckpoint,
            JournalDirectory = info.Directory,
        };
    });
}
