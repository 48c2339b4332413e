using Alluxio.Ufs.Local.Native;

namespace Alluxio.Ufs.Local;

/// <summary>
/// A resolved path. <see cref="HostPath"/> is the canonical host path of what the path leads to (every symlink
/// resolved) — or, for entries from <see cref="LocalPathResolver.Locate"/> that are symlinks (<see cref="IsLink"/>),
/// the host path of the link itself. <see cref="Stat"/> describes the target; it is meaningless for missing entries.
/// </summary>
internal readonly record struct LocalEntry(LocalEntryKind Kind, string HostPath, FileStat Stat, bool IsLink = false)
{
    internal bool Exists => Kind is LocalEntryKind.File or LocalEntryKind.Directory;
}
