namespace Alluxio.Ufs.Tests;

/// <summary>
/// A fresh temp directory per test, removed (with everything below it, symlinks unlinked and never followed) on
/// dispose. Tests mount <see cref="Root"/> and keep "outside" content in siblings of it, so escapes are observable.
/// </summary>
public sealed class ScratchDirectory : IDisposable
{
    public ScratchDirectory()
    {
        Path = Directory.CreateTempSubdirectory("alluxio-ufs-tests-").FullName;
        Root = Directory.CreateDirectory(System.IO.Path.Join(Path, "root")).FullName;
    }

    /// <summary>The scratch directory itself.</summary>
    public string Path { get; }

    /// <summary>The directory tests mount (<c>Path/root</c>).</summary>
    public string Root { get; }

    /// <summary>A host path below the scratch directory.</summary>
    public string Host(string relative) => System.IO.Path.Join(Path, relative);

    /// <summary>A host path below the mounted root.</summary>
    public string InRoot(string relative) => System.IO.Path.Join(Root, relative);

    /// <summary>Every connector-internal (pending write or delete) entry left anywhere under the scratch directory.</summary>
    public IReadOnlyList<string> InternalLeftovers() =>
        [.. Directory.EnumerateFileSystemEntries(Path, ".alluxio-ufs-*", new EnumerationOptions
        {
            RecurseSubdirectories = true,
            AttributesToSkip = 0,
            IgnoreInaccessible = true,
        })];

    public void Dispose()
    {
        if (Directory.Exists(Path))
        {
            Directory.Delete(Path, recursive: true);
        }
    }
}
