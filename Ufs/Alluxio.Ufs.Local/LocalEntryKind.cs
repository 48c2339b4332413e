namespace Alluxio.Ufs.Local;

/// <summary>What a mount-relative path leads to on the host.</summary>
internal enum LocalEntryKind
{
    /// <summary>Nothing (also a dangling symlink, a symlink loop, or a special file such as a FIFO or device, which the connector never exposes).</summary>
    Missing,

    /// <summary>Nothing, because a component on the way is a file.</summary>
    BelowFile,

    /// <summary>A regular file (possibly through symlinks that stay inside the root).</summary>
    File,

    /// <summary>A directory (possibly through symlinks that stay inside the root).</summary>
    Directory,

    /// <summary>A symlink on the way leads outside the mount root: treated as absent by reads, refused by writes.</summary>
    Escaped,
}
