namespace Alluxio.Ufs;

/// <summary>
/// Mount-relative paths: the only path form an <see cref="IUnderFileSystem"/> accepts. A path names an entry below the
/// mount root with <c>/</c>-separated segments; <c>""</c> and <c>"/"</c> are the root itself, and a leading <c>/</c>
/// means the same as none (paths are never absolute on the host).
/// <para>
/// Normal form: no leading or trailing <c>/</c>, no empty or <c>.</c> segments, no <c>..</c> (each <c>..</c> removes
/// the segment before it; one that would climb above the root is rejected). Rules:
/// </para>
/// <list type="bullet">
/// <item>NUL characters are rejected (they truncate paths in native calls).</item>
/// <item>Backslash is an ordinary name character, never a separator, as in POSIX file names and S3 keys:
/// <c>..\x</c> is one segment literally named that. A connector for a platform where <c>\</c> separates paths must
/// reject it itself.</item>
/// <item>Percent-encodings are not decoded: <c>%2e%2e</c> is a segment literally named <c>%2e%2e</c>.</item>
/// <item>Nothing is resolved against the host: <c>C:</c>, <c>~</c> or <c>file:</c> are plain names, so no input can
/// name a host-absolute path.</item>
/// </list>
/// All methods are pure and thread-safe.
/// </summary>
public static class UfsPath
{
    /// <summary>The separator between segments.</summary>
    public const char Separator = '/';

    /// <summary>The normal form of the mount root.</summary>
    public const string Root = "";

    /// <summary>Returns the normal form of <paramref name="path"/> (see the type's rules).</summary>
    /// <exception cref="UfsPathException">The path escapes the root or contains NUL.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is null.</exception>
    public static string Normalize(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return TryNormalize(path, out var normal, out var reason) ? normal : throw new UfsPathException(path, reason);
    }

    /// <summary>Like <see cref="Normalize"/>, but reports failure instead of throwing.</summary>
    public static bool TryNormalize(string path, out string normalized) => TryNormalize(path, out normalized, out _);

    /// <summary>Joins <paramref name="parent"/> and <paramref name="child"/> (which may itself hold several segments) and normalizes.</summary>
    /// <exception cref="UfsPathException">The result escapes the root or contains NUL.</exception>
    public static string Combine(string parent, string child)
    {
        ArgumentNullException.ThrowIfNull(parent);
        ArgumentNullException.ThrowIfNull(child);
        return Normalize(parent + Separator + child);
    }

    /// <summary>The parent of <paramref name="path"/> in normal form; <see langword="null"/> for the root.</summary>
    /// <exception cref="UfsPathException">The path is invalid.</exception>
    public static string? GetParent(string path)
    {
        var normal = Normalize(path);
        if (normal.Length == 0)
        {
            return null;
        }

        var slash = normal.LastIndexOf(Separator);
        return slash < 0 ? Root : normal[..slash];
    }

    /// <summary>The last segment of <paramref name="path"/>; <c>""</c> for the root.</summary>
    /// <exception cref="UfsPathException">The path is invalid.</exception>
    public static string GetName(string path)
    {
        var normal = Normalize(path);
        return normal[(normal.LastIndexOf(Separator) + 1)..];
    }

    /// <summary>The segments of <paramref name="path"/> in order; empty for the root.</summary>
    /// <exception cref="UfsPathException">The path is invalid.</exception>
    public static string[] GetSegments(string path)
    {
        var normal = Normalize(path);
        return normal.Length == 0 ? [] : normal.Split(Separator);
    }

    /// <summary>
    /// Whether <paramref name="ancestor"/> is a strict ancestor of <paramref name="path"/> (a path is not its own
    /// ancestor; the root is an ancestor of every other path). Segment-wise: <c>a</c> is not an ancestor of <c>ab</c>.
    /// </summary>
    /// <exception cref="UfsPathException">Either path is invalid.</exception>
    public static bool IsAncestor(string ancestor, string path)
    {
        var a = Normalize(ancestor);
        var p = Normalize(path);
        if (a.Length == 0)
        {
            return p.Length != 0;
        }

        return p.Length > a.Length && p[a.Length] == Separator && p.StartsWith(a, StringComparison.Ordinal);
    }

    private static bool TryNormalize(string path, out string normalized, out string reason)
    {
        normalized = Root;
        if (path is null)
        {
            reason = "the path is null";
            return false;
        }

        if (path.Contains('\0', StringComparison.Ordinal))
        {
            reason = "it contains a NUL character";
            return false;
        }

        var segments = new List<string>();
        foreach (var segment in path.Split(Separator))
        {
            switch (segment)
            {
                case "" or ".":
                    continue;
                case "..":
                    if (segments.Count == 0)
                    {
                        reason = "'..' would climb above the mount root";
                        return false;
                    }

                    segments.RemoveAt(segments.Count - 1);
                    continue;
                default:
                    segments.Add(segment);
                    continue;
            }
        }

        normalized = string.Join(Separator, segments);
        reason = "";
        return true;
    }
}
