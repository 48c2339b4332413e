namespace Alluxio.Ufs;

/// <summary>Options of <see cref="IUnderFileSystem.CreateFileAsync"/> (immutable; the defaults are <see cref="Default"/>).</summary>
public sealed record UfsCreateFileOptions
{
    /// <summary>Mode 0644, no parents created, no overwrite, owner and group left to the UFS.</summary>
    public static UfsCreateFileOptions Default { get; } = new();

    /// <summary>Permission bits of the file (exactly these: no umask is applied).</summary>
    public int Mode { get; init; } = UfsModes.DefaultFile;

    /// <summary>The owner to give the file; <see langword="null"/> leaves the UFS default.</summary>
    public string? Owner { get; init; }

    /// <summary>The group to give the file; <see langword="null"/> leaves the UFS default.</summary>
    public string? Group { get; init; }

    /// <summary>
    /// Create missing parent directories (mode 0755, same owner and group as the file). They are created when the
    /// stream is opened, not at commit, and stay if the write is aborted.
    /// </summary>
    public bool CreateParents { get; init; }

    /// <summary>Replace an existing file at commit. A directory is never replaced.</summary>
    public bool Overwrite { get; init; }
}
