using Alluxio.Protos.Meta;

namespace Alluxio.Grains.FileSystem.Namespace;

/// <summary>
/// A path resolved against the committed namespace at one instant: the inodes of its existing prefix (root first),
/// and the mount serving the full path. Immutable snapshot; re-resolve after waiting for locks.
/// </summary>
public sealed class ResolvedPath(string path, string[] components, IReadOnlyList<InodeRecord> inodes, MountRecord mount)
{
    /// <summary>The normalized path.</summary>
    public string Path { get; } = path;

    public string[] Components { get; } = components;

    /// <summary>Inodes of the existing prefix: [root, first component, ...].</summary>
    public IReadOnlyList<InodeRecord> Inodes { get; } = inodes;

    public MountRecord Mount { get; } = mount;

    /// <summary>Every component exists.</summary>
    public bool Exists => Inodes.Count == Components.Length + 1;

    /// <summary>The inode of the full path, or null.</summary>
    public InodeRecord? Target => Exists ? Inodes[^1] : null;

    /// <summary>The parent directory's inode when the parent exists (and is the prefix), else null.</summary>
    public InodeRecord? Parent => Components.Length > 0 && Inodes.Count >= Components.Length ? Inodes[Components.Length - 1] : null;

    /// <summary>The deepest existing inode.</summary>
    public InodeRecord Deepest => Inodes[^1];

    /// <summary>How many components exist (0 = only the root).</summary>
    public int ExistingDepth => Inodes.Count - 1;

    /// <summary>The resolution stopped at a file with components left (a file used as a directory).</summary>
    public bool StoppedAtFile => !Exists && !Deepest.IsDirectory;

    /// <summary>The path of the deepest existing inode.</summary>
    public string DeepestPath => ExistingDepth == 0 ? "/" : "/" + string.Join('/', Components.Take(ExistingDepth));

    /// <summary>The directories to traverse to reach the target (every existing inode before the last component).</summary>
    public IReadOnlyList<InodeRecord> Ancestors => Inodes.Take(Math.Min(Inodes.Count, Components.Length)).ToList();
}
