using Alluxio.Protos.Grpc.Meta;

namespace Alluxio.Client;

/// <summary>Master administration: journal checkpoint, backup, master and journal information.</summary>
public sealed partial class FileSystem
{
    /// <summary>Takes a journal checkpoint now; returns the sequence it covers and where it is.</summary>
    public async Task<CheckpointResult> CheckpointAsync(CancellationToken cancellationToken = default)
    {
        var response = await Call(Internal.Methods.Checkpoint, new CheckpointPRequest(), cancellationToken, TimeSpan.FromMinutes(30));
        return new CheckpointResult(response.Sequence, response.Location);
    }

    /// <summary>Writes a backup file on the master's host; returns its path and the journal sequence it covers.</summary>
    public async Task<BackupResult> BackupAsync(string? targetDirectory = null, CancellationToken cancellationToken = default)
    {
        var response = await Call(Internal.Methods.Backup, new BackupPRequest { TargetDirectory = targetDirectory ?? string.Empty }, cancellationToken, TimeSpan.FromHours(2));
        return new BackupResult(response.BackupUri, response.Sequence);
    }

    /// <summary>The master's address, ports, start time and version.</summary>
    public async Task<MasterInformation> GetMasterInfoAsync(CancellationToken cancellationToken = default)
    {
        var info = (await Call(Internal.Methods.GetMasterInfo, new GetMasterInfoPRequest(), cancellationToken, idempotent: true)).MasterInfo;
        return new MasterInformation(info.LeaderMasterAddress, [.. info.MasterAddresses], info.RpcPort, info.WebPort, info.StartTimeMs, info.UpTimeMs, info.Version, info.ClusterId);
    }

    /// <summary>Where the journal stands: last and applied sequence, last checkpoint.</summary>
    public async Task<Grains.FileSystem.JournalInfo> GetJournalInfoAsync(CancellationToken cancellationToken = default)
    {
        var info = await Call(Internal.Methods.GetJournalInfo, new GetJournalInfoPRequest(), cancellationToken, idempotent: true);
        return new Grains.FileSystem.JournalInfo(info.LastSequence, info.AppliedSequence, info.LastCheckpointSequence, info.EntriesSinceCheckpoint, info.JournalDirectory);
    }
}
