using System.Text;

namespace Alluxio.Ufs;

/// <summary>
/// The fingerprint format of <see cref="UfsStatus.Fingerprint"/>: <c>|</c>-separated <c>KEY=value</c> fields in this
/// fixed order:
/// <code>TYPE=FILE|LEN=12|MTIME=638000000000000000|HASH=_|ID=8:1:1234|OWNER=alice|GROUP=staff|MODE=0644</code>
/// <list type="bullet">
/// <item><c>TYPE</c>: <c>FILE</c> or <c>DIR</c>; <c>LEN</c>: bytes (0 for directories);
/// <c>MTIME</c>: <see cref="UfsStatus.LastModified"/> as UTC ticks (100 ns units) — for a directory it moves when
/// entries are added or removed.</item>
/// <item><c>HASH</c> (<see cref="UfsStatus.ContentHash"/>) and <c>ID</c> (<see cref="UfsStatus.FileId"/>), <c>_</c>
/// when absent.</item>
/// <item><c>OWNER</c>, <c>GROUP</c> (<c>_</c> when absent) and <c>MODE</c> (four octal digits): metadata.</item>
/// </list>
/// Values escape <c>%</c>, <c>|</c>, <c>=</c> and <c>_</c>-only values as <c>%25</c>, <c>%7C</c>, <c>%3D</c>,
/// <c>%5F</c>, so fields never run together and a real value never reads as "absent". The format is persisted by
/// metadata sync: extend it only by appending fields. Thread-safe (pure functions).
/// </summary>
public static class UfsFingerprint
{
    private static readonly string[] s_contentKeys = ["TYPE", "LEN", "MTIME", "HASH", "ID"];

    /// <summary>Builds the fingerprint of <paramref name="status"/>.</summary>
    public static string Compute(UfsStatus status)
    {
        ArgumentNullException.ThrowIfNull(status);
        var text = new StringBuilder(128);
        text.Append("TYPE=").Append(status.IsDirectory ? "DIR" : "FILE")
            .Append("|LEN=").Append(status.IsDirectory ? 0 : status.Length)
            .Append("|MTIME=").Append(status.LastModified.UtcTicks)
            .Append("|HASH=").Append(Escape(status.ContentHash))
            .Append("|ID=").Append(Escape(status.FileId))
            .Append("|OWNER=").Append(Escape(status.Owner))
            .Append("|GROUP=").Append(Escape(status.Group))
            .Append("|MODE=").Append(UfsModes.ToOctal(status.Mode));
        return text.ToString();
    }

    /// <summary>Splits a fingerprint into its fields (values still escaped; <c>_</c> = absent).</summary>
    /// <exception cref="FormatException">Not a fingerprint.</exception>
    public static IReadOnlyDictionary<string, string> Parse(string fingerprint)
    {
        ArgumentNullException.ThrowIfNull(fingerprint);
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var field in fingerprint.Split('|'))
        {
            var eq = field.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0 || !fields.TryAdd(field[..eq], field[(eq + 1)..]))
            {
                throw new FormatException($"'{fingerprint}' is not a UFS fingerprint (field '{field}').");
            }
        }

        return fields.ContainsKey("TYPE") ? fields : throw new FormatException($"'{fingerprint}' has no TYPE field.");
    }

    /// <summary>
    /// Whether two fingerprints describe the same content: equal type, length, modification time, hash and identity,
    /// whatever the owner, group and mode. A cache keyed on content stays valid exactly when this holds.
    /// </summary>
    /// <exception cref="FormatException">Either argument is not a fingerprint.</exception>
    public static bool HasSameContent(string first, string second)
    {
        var a = Parse(first);
        var b = Parse(second);
        return s_contentKeys.All(key =>
            string.Equals(a.GetValueOrDefault(key), b.GetValueOrDefault(key), StringComparison.Ordinal));
    }

    private static string Escape(string? value)
    {
        if (value is null)
        {
            return "_";
        }

        if (value == "_")
        {
            return "%5F";
        }

        return value.AsSpan().IndexOfAny("%|=") < 0
            ? value
            : value.Replace("%", "%25", StringComparison.Ordinal)
                .Replace("|", "%7C", StringComparison.Ordinal)
                .Replace("=", "%3D", StringComparison.Ordinal);
    }
}
