namespace Alluxio.Ufs;

/// <summary>
/// What an under file system reports about one file or directory at one moment. Immutable; equality is by value.
/// </summary>
public sealed record UfsStatus
{
    /// <summary>The last segment of <see cref="Path"/>; <c>""</c> for the mount root.</summary>
    public required string Name { get; init; }

    /// <summary>The mount-relative path in normal form (<see cref="UfsPath.Normalize"/>); <c>""</c> for the root.</summary>
    public required string Path { get; init; }

    /// <summary>Whether this is a directory (object stores: a prefix or a directory marker).</summary>
    public required bool IsDirectory { get; init; }

    /// <summary>The length in bytes of a file; 0 for a directory.</summary>
    public long Length { get; init; }

    /// <summary>The last modification time as the under file system reports it (precision varies by connector).</summary>
    public DateTimeOffset LastModified { get; init; }

    /// <summary>The owner's name (a number when the local user has none); <see langword="null"/> when the UFS has no owners.</summary>
    public string? Owner { get; init; }

    /// <summary>The group's name (a number when the local group has none); <see langword="null"/> when the UFS has no groups.</summary>
    public string? Group { get; init; }

    /// <summary>POSIX permission bits only (see <see cref="UfsModes"/>).</summary>
    public int Mode { get; init; }

    /// <summary>A hash of the content where the UFS has one for free (object stores: the ETag); <see langword="null"/> otherwise (local files).</summary>
    public string? ContentHash { get; init; }

    /// <summary>
    /// The identity of the underlying object where the UFS has one, e.g. <c>device:inode</c> for local files. It
    /// changes when a file is replaced by another one (such as an atomic overwrite), even if the length and
    /// modification time happen to match; <see langword="null"/> when the UFS has no such identity.
    /// </summary>
    public string? FileId { get; init; }

    /// <summary>
    /// Every visible field of this status except the name, as one string (format in <see cref="UfsFingerprint"/>).
    /// Two fingerprints of the same path are equal exactly when nothing visible changed in between; compare them
    /// with ordinal string equality, or with <see cref="UfsFingerprint.HasSameContent"/> to ignore metadata-only
    /// changes (owner, group, mode).
    /// </summary>
    public string Fingerprint => UfsFingerprint.Compute(this);
}
