using Alluxio.Grains.Security;
using Alluxio.Runtime;

namespace Alluxio.Grains.FileSystem.Grains;

/// <summary>Journal administration: checkpoints, backups, journal positions.</summary>
[StatelessWorker(1)]
public sealed class MetaMasterGrain(Alluxio.Metastore.Metastore metastore, Security.PermissionChecker permissions) : Grain, IMetaMasterGrain
{
    public async Task<(long Sequence, string Location)> Checkpoint(CallerIdentity caller)
    {
        permissions.CheckSuperUser(permissions.Resolve(caller), "take a journal checkpoint");
        var checkpoint = await metastore.CheckpointAsync();
        return (checkpoint.Sequence, checkpoint.Directory);
    }

    public async Task<(string Path, long Sequence)> Backup(string? targetDirectory, CallerIdentity caller)
    {
        permissions.CheckSuperUser(permissions.Resolve(caller), "back up the namespace");
        return await metastore.BackupAsync(targetDirectory);
    }

    public Task<JournalInfo> GetJournalInfo() => Task.FromResult(new JournalInfo(
        metastore.JournalLastSequence,
        metastore.State.AppliedSequence,
        metastore.LastCheckpointSequence,
        metastore.Committer.EntriesSinceCheckpoint,
        metastore.JournalDirectory));
}
