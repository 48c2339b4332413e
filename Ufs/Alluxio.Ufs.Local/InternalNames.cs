namespace Alluxio.Ufs.Local;

/// <summary>
/// Names the connector gives its own short-lived entries: pending writes (<c>.alluxio-ufs-&lt;32 hex&gt;.tmp</c>,
/// renamed onto the real name at commit) and directories being deleted (<c>….del</c>, renamed out of view before
/// their content is removed). Such entries are never listed, have no status, are filtered from change notifications,
/// and cannot be created through the connector. They survive only if the process dies mid-operation; they are then
/// safe to remove by hand.
/// </summary>
internal static class InternalNames
{
    private const string Prefix = ".alluxio-ufs-";
    private const int Length = 13 + 32 + 4; // prefix + Guid "N" + suffix

    internal static string NewPendingWrite() => Prefix + Guid.NewGuid().ToString("N") + ".tmp";

    internal static string NewPendingDelete() => Prefix + Guid.NewGuid().ToString("N") + ".del";

    /// <summary>Whether <paramref name="name"/> (one segment) is a connector-internal name.</summary>
    internal static bool IsInternal(ReadOnlySpan<char> name) =>
        name.Length == Length &&
        name.StartsWith(Prefix, StringComparison.Ordinal) &&
        (name.EndsWith(".tmp", StringComparison.Ordinal) || name.EndsWith(".del", StringComparison.Ordinal));

    /// <summary>Whether any segment of the <c>/</c>-separated <paramref name="path"/> is internal.</summary>
    internal static bool ContainsInternal(string path)
    {
        if (!path.Contains(Prefix, StringComparison.Ordinal))
        {
            return false;
        }

        foreach (var range in path.AsSpan().Split('/'))
        {
            if (IsInternal(path.AsSpan()[range]))
            {
                return true;
            }
        }

        return false;
    }
}
