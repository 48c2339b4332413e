using System.Globalization;
using Alluxio.Grains.FileSystem;

namespace Alluxio.Cli.Formatting;

/// <summary>
/// One ls line in Alluxio's layout (LsCommand.formatLsString): permission (%-11s), owner (%-15s), group (%-15s), size
/// (%15s), persistence state (%16s), date (%24s), in-Alluxio state (%5s: "DIR" or "NN%"), a space, the path.
/// </summary>
public static class LsFormatter
{
    public static string Line(FileStatus status, bool humanSize, string timestampField, TimeZoneInfo zone)
    {
        var size = status.Folder ? status.Length.ToString(CultureInfo.InvariantCulture) : Sizes.Format(status.Length, humanSize);
        var state = status.Folder ? "DIR" : status.InAlluxioPercentage.ToString(CultureInfo.InvariantCulture) + "%";
        var permission = Modes.ToPermissionString(status.Mode, status.Folder);
        var date = Timestamps.Ls(Timestamp(status, timestampField), zone);
        return string.Create(CultureInfo.InvariantCulture,
            $"{permission,-11}{status.Owner,-15}{status.Group,-15}{size,15}{PersistenceStates.Name(status.PersistenceState),16}{date,24}{state,5} {status.Path}");
    }

    /// <summary>The timestamp --timestamp selects (lastModificationTime by default).</summary>
    public static long Timestamp(FileStatus status, string field) => field switch
    {
        LsField.CreationTime => status.CreationTimeMs,
        LsField.LastAccessTime => status.LastAccessTimeMs,
        _ => status.LastModificationTimeMs,
    };

    /// <summary>Orders statuses by a --sort field (ties by path, so the order is total), descending with reverse.</summary>
    public static IComparer<FileStatus> Comparer(string field, bool reverse)
    {
        Comparison<FileStatus> primary = field switch
        {
            LsField.Size => (a, b) => a.Length.CompareTo(b.Length),
            LsField.CreationTime => (a, b) => a.CreationTimeMs.CompareTo(b.CreationTimeMs),
            LsField.LastModificationTime => (a, b) => a.LastModificationTimeMs.CompareTo(b.LastModificationTimeMs),
            LsField.LastAccessTime => (a, b) => a.LastAccessTimeMs.CompareTo(b.LastAccessTimeMs),
            LsField.InMemoryPercentage => (a, b) => a.InMemoryPercentage.CompareTo(b.InMemoryPercentage),
            LsField.Path => (a, b) => string.CompareOrdinal(a.Path, b.Path),
            _ => (a, b) => string.CompareOrdinal(a.Name, b.Name),
        };
        Comparison<FileStatus> total = (a, b) =>
        {
            var order = primary(a, b);
            return order != 0 ? order : string.CompareOrdinal(a.Path, b.Path);
        };
        return Comparer<FileStatus>.Create(reverse ? (a, b) => total(b, a) : total);
    }
}
