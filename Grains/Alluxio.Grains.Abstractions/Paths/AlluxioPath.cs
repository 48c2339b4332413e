namespace Alluxio.Grains.Paths;

/// <summary>
/// Alluxio namespace paths: absolute, '/'-separated, no empty, "." or ".." components, no NUL. <see cref="Normalize"/>
/// turns "/a//b/" into "/a/b" and rejects anything else with <see cref="Exceptions.InvalidPathException"/>.
/// </summary>
public static class AlluxioPath
{
    public const string Root = "/";

    /// <summary>The canonical form of <paramref name="path"/>, or an InvalidPathException naming the problem.</summary>
    public static string Normalize(string? path)
    {
        if (string.IsNullOrEmpty(path))
        {
            throw new Exceptions.InvalidPathException("The path is empty.");
        }

        if (path.StartsWith("alluxio://", StringComparison.Ordinal))
        {
            var slash = path.IndexOf('/', "alluxio://".Length);
            path = slash < 0 ? Root : path[slash..];
        }

        if (path[0] != '/')
        {
            throw new Exceptions.InvalidPathException($"Path '{path}' is not absolute (it must start with '/').");
        }

        if (path.Contains('\0'))
        {
            throw new Exceptions.InvalidPathException("The path contains a NUL character.");
        }

        var parts = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        foreach (var part in parts)
        {
            if (part is "." or "..")
            {
                throw new Exceptions.InvalidPathException($"Path '{path}' contains '{part}': use a normalized absolute path.");
            }
        }

        return parts.Length == 0 ? Root : "/" + string.Join('/', parts);
    }

    /// <summary>The components of a normalized path ("/" has none).</summary>
    public static string[] Components(string normalized) =>
        normalized == Root ? [] : normalized[1..].Split('/');

    /// <summary>The parent of a normalized path ("/" has none: null).</summary>
    public static string? Parent(string normalized)
    {
        if (normalized == Root)
        {
            return null;
        }

        var slash = normalized.LastIndexOf('/');
        return slash == 0 ? Root : normalized[..slash];
    }

    /// <summary>The last component ("" for the root).</summary>
    public static string Name(string normalized) => normalized == Root ? string.Empty : normalized[(normalized.LastIndexOf('/') + 1)..];

    /// <summary>Joins a normalized directory and a child name.</summary>
    public static string Join(string directory, string name) => directory == Root ? "/" + name : directory + "/" + name;

    /// <summary>Whether <paramref name="path"/> equals <c>Join(directory, name)</c>, without building the joined path.</summary>
    public static bool IsJoin(string path, string directory, string name)
    {
        var prefix = directory == Root ? 0 : directory.Length;
        return path.Length == prefix + 1 + name.Length
            && path.AsSpan(0, prefix).SequenceEqual(directory.AsSpan(0, prefix))
            && path[prefix] == '/'
            && path.AsSpan(prefix + 1).SequenceEqual(name);
    }

    /// <summary>Whether <paramref name="ancestor"/> is <paramref name="path"/> or one of its ancestors (both normalized).</summary>
    public static bool IsSameOrAncestor(string ancestor, string path) =>
        ancestor == Root || path == ancestor || (path.StartsWith(ancestor, StringComparison.Ordinal) && path.Length > ancestor.Length && path[ancestor.Length] == '/');
}
