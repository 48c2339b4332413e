namespace Alluxio.Ufs;

/// <summary>
/// A UFS file that lives on a file system of this host, as <see cref="IUnderFileSystem.GetHostFileAsync"/> reports it:
/// another process here may open <see cref="HostPath"/> and read the file's bytes itself (short-circuit UFS reads),
/// subject to its own operating-system permissions.
/// </summary>
/// <param name="HostPath">The canonical host path of the file (every symlink inside the mount resolved).</param>
/// <param name="Length">The file's length when it was looked up.</param>
/// <param name="LastModifiedNanos">The file's modification time then, in nanoseconds since the Unix epoch: with the
/// length, what a reader checks the file it opened against.</param>
public sealed record UfsHostFile(string HostPath, long Length, long LastModifiedNanos);
