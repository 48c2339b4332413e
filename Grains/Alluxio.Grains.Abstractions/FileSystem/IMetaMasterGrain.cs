using Alluxio.Grains.Security;
using Alluxio.Runtime;

namespace Alluxio.Grains.FileSystem;

/// <summary>Journal and master administration (stateless worker, key 0).</summary>
public interface IMetaMasterGrain : IGrainWithIntegerKey
{
    /// <summary>Takes a journal checkpoint now; returns its sequence and location.</summary>
    Task<(long Sequence, string Location)> Checkpoint(CallerIdentity caller);

    /// <summary>Writes a backup file; returns its path and the journal sequence it covers.</summary>
    Task<(string Path, long Sequence)> Backup(string? targetDirectory, CallerIdentity caller);

    /// <summary>Journal positions (last, applied, last checkpoint).</summary>
    Task<JournalInfo> GetJournalInfo();
}

/// <summary>Where the journal stands.</summary>
public sealed record JournalInfo(long LastSequence, long AppliedSequence, long LastCheckpointSequence, long EntriesSinceCheckpoint, string Directory);
