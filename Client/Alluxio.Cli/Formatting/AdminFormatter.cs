using System.Globalization;
using Alluxio.Client;
using Alluxio.Grains.FileSystem;

namespace Alluxio.Cli.Formatting;

/// <summary>Output of the master administration commands (masterInfo, leader, journal, backup).</summary>
public static class AdminFormatter
{
    /// <summary>`fs masterInfo`: the leader and all masters as Alluxio prints them, then this master's details.</summary>
    public static IEnumerable<string> MasterInfo(MasterInformation info)
    {
        yield return "Current leader master: " + info.LeaderMasterAddress;
        yield return "All masters: [" + string.Join(", ", info.MasterAddresses) + "]";
        yield return "RPC port: " + info.RpcPort.ToString(CultureInfo.InvariantCulture);
        yield return "Web port: " + info.WebPort.ToString(CultureInfo.InvariantCulture);
        yield return "Started: " + Timestamps.Iso(info.StartTimeMs);
        yield return "Uptime: " + Timestamps.Duration(info.UpTimeMs);
        yield return "Version: " + info.Version;
        yield return "Cluster id: " + info.ClusterId;
    }

    /// <summary>`fs leader`: the leader's host name (Alluxio prints the host without the port).</summary>
    public static string LeaderHost(string leaderAddress)
    {
        if (leaderAddress.StartsWith('['))
        {
            var end = leaderAddress.IndexOf(']', StringComparison.Ordinal);
            return end > 0 ? leaderAddress[1..end] : leaderAddress;
        }

        var colon = leaderAddress.LastIndexOf(':');
        return colon > 0 && leaderAddress.IndexOf(':', StringComparison.Ordinal) == colon ? leaderAddress[..colon] : leaderAddress;
    }

    /// <summary>`fsadmin journal checkpoint`.</summary>
    public static string Checkpoint(string master, long sequence, string location) =>
        string.Create(CultureInfo.InvariantCulture, $"Successfully took a checkpoint on master {master} at journal sequence {sequence}: {location}");

    /// <summary>`fsadmin backup`: Alluxio's "Backup Host", "Backup URI" lines, then the journal sequence the backup covers.</summary>
    public static IEnumerable<string> Backup(string host, string uri, long sequence)
    {
        yield return "Backup Host        : " + host;
        yield return "Backup URI         : " + uri;
        yield return "Backup Sequence    : " + sequence.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>`fsadmin journal info`: the journal's positions.</summary>
    public static IEnumerable<string> JournalInfo(JournalInfo info)
    {
        yield return "Journal directory: " + info.Directory;
        yield return "Last sequence: " + info.LastSequence.ToString(CultureInfo.InvariantCulture);
        yield return "Applied sequence: " + info.AppliedSequence.ToString(CultureInfo.InvariantCulture);
        yield return "Last checkpoint sequence: " + info.LastCheckpointSequence.ToString(CultureInfo.InvariantCulture);
        yield return "Entries since checkpoint: " + info.EntriesSinceCheckpoint.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>`fsadmin restore`.</summary>
    public static string Restored(string backup, string dataDir, long sequence) =>
        string.Create(CultureInfo.InvariantCulture, $"Restored {backup} into {dataDir} (journal sequence {sequence}); start the master with --data-dir {dataDir}");
}
