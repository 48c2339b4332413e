namespace Alluxio.Ufs;

/// <summary>Options of <see cref="IUnderFileSystem.CreateDirectoryAsync"/> (immutable; the defaults are <see cref="Default"/>).</summary>
public sealed record UfsCreateDirectoryOptions
{
    /// <summary>Non-recursive, mode 0755, owner and group left to the UFS.</summary>
    public static UfsCreateDirectoryOptions Default { get; } = new();

    /// <summary>Create missing ancestors too (each gets the same mode, owner and group).</summary>
    public bool Recursive { get; init; }

    /// <summary>Permission bits of each directory created (exactly these: no umask is applied).</summary>
    public int Mode { get; init; } = UfsModes.DefaultDirectory;

    /// <summary>The owner to give each directory created; <see langword="null"/> leaves the UFS default.</summary>
    public string? Owner { get; init; }

    /// <summary>The group to give each directory created; <see langword="null"/> leaves the UFS default.</summary>
    public string? Group { get; init; }
}
