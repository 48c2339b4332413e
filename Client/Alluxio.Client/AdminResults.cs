namespace Alluxio.Client;

/// <summary>A master as <see cref="FileSystem.GetMasterInfoAsync"/> reports it.</summary>
/// <param name="LeaderMasterAddress">host:port of the leading master.</param>
/// <param name="MasterAddresses">Every master.</param>
/// <param name="RpcPort">The gRPC port.</param>
/// <param name="WebPort">The web port.</param>
/// <param name="StartTimeMs">When the master process started (ms since the epoch).</param>
/// <param name="UpTimeMs">How long it has been running.</param>
/// <param name="Version">Its version.</param>
/// <param name="ClusterId">Its cluster.</param>
public sealed record MasterInformation(
    string LeaderMasterAddress,
    IReadOnlyList<string> MasterAddresses,
    int RpcPort,
    int WebPort,
    long StartTimeMs,
    long UpTimeMs,
    string Version,
    string ClusterId);

/// <summary>A journal checkpoint: the sequence it covers and where it is on the master.</summary>
public sealed record CheckpointResult(long Sequence, string Location);

/// <summary>A backup file on the master's host and the journal sequence it covers.</summary>
public sealed record BackupResult(string Path, long Sequence);
