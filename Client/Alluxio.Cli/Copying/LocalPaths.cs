namespace Alluxio.Cli.Copying;

/// <summary>Local paths as the copy commands take and print them: <c>file://</c> URIs, as Alluxio's shell.</summary>
public static class LocalPaths
{
    private const string Scheme = "file:";

    /// <summary>Whether cp's argument names a local path (a <c>file:</c> URI).</summary>
    public static bool IsLocalUri(string path) => path.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase);

    /// <summary>The absolute local path of "file:///x", "file:/x" or a plain (possibly relative) path.</summary>
    public static string FromArgument(string path)
    {
        if (IsLocalUri(path))
        {
            path = path[Scheme.Length..];
            if (path.StartsWith("//", StringComparison.Ordinal))
            {
                path = path[2..]; // file:///x: an empty authority, then the absolute path
            }
        }

        return Path.GetFullPath(path);
    }

    /// <summary>"file:///abs/path", as Alluxio prints local paths.</summary>
    public static string ToUri(string fullPath) => "file://" + fullPath;

    /// <summary>The name a copy keeps when its destination is an existing directory.</summary>
    public static string Name(string fullPath) => Path.GetFileName(Path.TrimEndingDirectorySeparator(fullPath));
}
