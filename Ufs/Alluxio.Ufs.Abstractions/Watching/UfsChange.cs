namespace Alluxio.Ufs;

/// <summary>
/// One change notification of an <see cref="IUfsChangeWatcher"/>. Paths are mount-relative (normal form), not
/// relative to the watched directory. A notification is a hint to re-read the path from the UFS, not a promise about
/// its current state: by the time it is read the entry may have changed again.
/// </summary>
/// <param name="Kind">What happened.</param>
/// <param name="Path">The path concerned (the new path of a rename; the subtree to re-list for <see cref="UfsChangeKind.RescanNeeded"/>).</param>
/// <param name="OldPath">The former path of a <see cref="UfsChangeKind.Renamed"/> change; otherwise <see langword="null"/>.</param>
public sealed record UfsChange(UfsChangeKind Kind, string Path, string? OldPath = null);
