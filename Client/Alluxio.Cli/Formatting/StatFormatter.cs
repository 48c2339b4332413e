using System.Globalization;
using System.Text;
using Alluxio.Grains.FileSystem;

namespace Alluxio.Cli.Formatting;

/// <summary>stat's output: Alluxio's FileInfo dump, or a -f format with %N %z %u %g %y %Y %b.</summary>
public static class StatFormatter
{
    /// <summary>What stat prints for a field without meaning for the path (a directory's size or blocks).</summary>
    public const string NotApplicable = "NA";

    /// <summary>
    /// Expands a -f format as Alluxio's StatCommand: %N name, %z size in bytes, %u owner, %g group, %y modification
    /// time (yyyy-MM-dd HH:mm:ss, UTC), %Y modification time in ms since the epoch, %b number of blocks; %z and %b
    /// print NA for a directory. Any other text, including unknown %-sequences, is copied as is.
    /// </summary>
    public static string Format(string format, FileStatus status)
    {
        var output = new StringBuilder(format.Length + 32);
        for (var i = 0; i < format.Length; i++)
        {
            if (format[i] == '%' && i + 1 < format.Length && Field(format[i + 1], status) is { } value)
            {
                output.Append(value);
                i++;
            }
            else
            {
                output.Append(format[i]);
            }
        }

        return output.ToString();
    }

    /// <summary>stat without -f: "PATH is a file path." / "PATH is a directory path.", the FileInfo, the last persist error if any, and a file's blocks.</summary>
    public static IEnumerable<string> Describe(FileStatus status)
    {
        yield return status.Folder ? $"{status.Path} is a directory path." : $"{status.Path} is a file path.";
        yield return FileInfo(status);
        if (status.PersistError.Length > 0)
        {
            // Not in Alluxio's FileInfo: why the last persist failed (TO_BE_PERSISTED, retried) or why the file is LOST.
            yield return "Persist error: " + status.PersistError;
        }

        if (!status.Folder)
        {
            yield return "Containing the following blocks: ";
            foreach (var block in status.BlockIds)
            {
                yield return "BlockId: " + block.ToString(CultureInfo.InvariantCulture);
            }
        }
    }

    /// <summary>The FileInfo{...} line, field names as Alluxio's FileInfo.toString.</summary>
    public static string FileInfo(FileStatus s)
    {
        var fields = new (string Name, object Value)[]
        {
            ("fileId", s.FileId), ("name", s.Name), ("path", s.Path), ("ufsPath", s.UfsPath), ("length", s.Length),
            ("blockSizeBytes", s.BlockSizeBytes), ("creationTimeMs", s.CreationTimeMs), ("completed", s.Completed),
            ("folder", s.Folder), ("pinned", s.Pinned), ("cacheable", s.Cacheable), ("persisted", s.Persisted),
            ("blockIds", "[" + string.Join(", ", s.BlockIds) + "]"), ("inAlluxioPercentage", s.InAlluxioPercentage),
            ("inMemoryPercentage", s.InMemoryPercentage), ("lastModificationTimeMs", s.LastModificationTimeMs),
            ("lastAccessTimeMs", s.LastAccessTimeMs), ("ttl", s.Ttl), ("ttlAction", TtlActionName(s.TtlAction)),
            ("owner", s.Owner), ("group", s.Group), ("mode", s.Mode), ("persistenceState", PersistenceStates.Name(s.PersistenceState)),
            ("mountPoint", s.MountPoint), ("mountId", s.MountId), ("replicationMax", s.ReplicationMax),
            ("replicationMin", s.ReplicationMin), ("ufsFingerprint", s.UfsFingerprint),
        };
        return "FileInfo{" + string.Join(", ", fields.Select(f => f.Name + "=" + Text(f.Value))) + "}";
    }

    /// <summary>Alluxio's TTL action names (FREE, DELETE_ALLUXIO, DELETE).</summary>
    public static string TtlActionName(TtlAction action) => action switch
    {
        TtlAction.Free => "FREE",
        TtlAction.DeleteAlluxio => "DELETE_ALLUXIO",
        TtlAction.Delete => "DELETE",
        _ => action.ToString().ToUpperInvariant(),
    };

    private static string? Field(char specifier, FileStatus status) => specifier switch
    {
        'N' => status.Name,
        'z' => status.Folder ? NotApplicable : status.Length.ToString(CultureInfo.InvariantCulture),
        'u' => status.Owner,
        'g' => status.Group,
        'y' => Timestamps.StatUtc(status.LastModificationTimeMs),
        'Y' => status.LastModificationTimeMs.ToString(CultureInfo.InvariantCulture),
        'b' => status.Folder ? NotApplicable : status.BlockIds.Count.ToString(CultureInfo.InvariantCulture),
        _ => null,
    };

    private static string Text(object value) => value switch
    {
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };
}
