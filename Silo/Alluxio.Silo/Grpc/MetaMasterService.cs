using Alluxio.Grains.Blocks;
using Alluxio.Grains.FileSystem;
using Alluxio.Grains.Metrics;
using Alluxio.Grpc.Server;
using Alluxio.Protos.Grpc.Meta;
using Alluxio.Runtime;
using Alluxio.Silo.Hosting;
using Microsoft.Extensions.Options;

namespace Alluxio.Silo.Grpc;

/// <summary>alluxio.grpc.meta.MetaMasterClientService: checkpoints, backups, master and journal information, metrics.</summary>
internal sealed class MetaMasterService(IGrainFactory grains, IOptions<SiloHostOptions> host, TimeProvider time, MetricsRegistry metrics)
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

    /// <summary>The silo's counters, and the workers' capacity as gauges (from the block master, now).</summary>
    public Task<GetMetricsPResponse> GetMetrics(GetMetricsPRequest request, ServerCallContext context) => GrpcErrors.Map(async () =>
    {
        var response = new GetMetricsPResponse();
        foreach (var (name, value) in metrics.Snapshot())
        {
            response.Metrics[name] = new MetricValue { LongValue = value, MetricType = MetricType.Counter };
        }

        var workers = await grains.GetGrain<IBlockMasterGrain>(0).GetWorkers();
        var capacity = workers.SelectMany(w => w.Tiers).Sum(t => t.CapacityBytes);
        var used = workers.SelectMany(w => w.Tiers).Sum(t => t.UsedBytes);
        response.Metrics[MetricNames.CapacityTotal] = new MetricValue { LongValue = capacity, MetricType = MetricType.Gauge };
        response.Metrics[MetricNames.CapacityUsed] = new MetricValue { LongValue = used, MetricType = MetricType.Gauge };
        response.Metrics[MetricNames.CapacityFree] = new MetricValue { LongValue = Math.Max(0, capacity - used), MetricType = MetricType.Gauge };
        response.Metrics[MetricNames.Workers] = new MetricValue { LongValue = workers.Count, MetricType = MetricType.Gauge };
        return response;
    });
}
