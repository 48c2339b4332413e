namespace Alluxio.Tiers.Files;

/// <summary>
/// The disk under the block store: the seam where tests inject full disks, I/O errors and slow devices. Every member
/// reports failure with <see cref="IOException"/> (the OS's errno in <see cref="Exception.HResult"/> where known);
/// <see cref="DiskErrors"/> tells a full disk from a failing one. Thread-safe.
/// </summary>
public interface IBlockFileSystem
{
    /// <summary>Creates the directory and its parents; nothing if it exists.</summary>
    void CreateDirectory(string path);

    /// <summary>The paths of the regular files directly in <paramref name="directory"/>.</summary>
    IEnumerable<string> EnumerateFiles(string directory);

    /// <summary>Creates a new, empty file for writing and reading; fails if something is at the path.</summary>
    IBlockFile Create(string path);

    /// <summary>Opens an existing file for reading.</summary>
    /// <exception cref="FileNotFoundException">Nothing is at the path.</exception>
    IBlockFile OpenRead(string path);

    /// <summary>Renames a file atomically, replacing nothing: fails if the destination exists.</summary>
    void Move(string source, string destination);

    /// <summary>Deletes a file; <see langword="false"/> if nothing was there.</summary>
    bool Delete(string path);

    /// <summary>The file's length, or -1 when nothing is at the path.</summary>
    long GetLength(string path);

    /// <summary>fsync of the directory, making renames and deletions in it durable.</summary>
    void SyncDirectory(string path);

    /// <summary>
    /// Takes an exclusive lock on <paramref name="directory"/> for this process (a lock file inside it), so two stores
    /// never share a directory; disposing releases it. A process that dies releases it too.
    /// </summary>
    /// <exception cref="IOException">Another process holds the lock.</exception>
    IDisposable Lock(string directory);

    /// <summary>Free bytes on the device holding <paramref name="path"/> (for the health check and the report).</summary>
    long GetAvailableBytes(string path);
}
