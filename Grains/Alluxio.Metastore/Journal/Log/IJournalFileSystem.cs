namespace Alluxio.Metastore.Journal.Log;

/// <summary>
/// The file operations the journal log uses, so tests can inject faults (see <see cref="IJournalFile"/>). Failures are
/// thrown as <see cref="IOException"/> (or <see cref="UnauthorizedAccessException"/>) with the OS error text.
/// </summary>
internal interface IJournalFileSystem
{
    /// <summary>Creates the directory (and its parents) if missing.</summary>
    void CreateDirectory(string path);

    /// <summary>The full paths of the files directly in <paramref name="directory"/>.</summary>
    IReadOnlyList<string> ListFiles(string directory);

    /// <summary>Opens an existing file for reading and writing; other handles may read, write or delete it meanwhile.</summary>
    IJournalFile OpenReadWrite(string path);

    /// <summary>Creates (or empties) a file for reading and writing.</summary>
    IJournalFile Create(string path);

    /// <summary>Opens an existing file for reading only; <see cref="FileNotFoundException"/> when it is gone.</summary>
    IJournalFile OpenRead(string path);

    /// <summary>Deletes a file (no error when it is already gone).</summary>
    void Delete(string path);

    /// <summary>Renames a file, atomically replacing <paramref name="destination"/> if it exists.</summary>
    void Move(string source, string destination);

    /// <summary>Makes the directory's entries (creations, renames, deletions) durable (fsync of the directory).</summary>
    void SyncDirectory(string directory);

    /// <summary>Takes an exclusive lock on <paramref name="lockFilePath"/>, held until the result is disposed.</summary>
    IDisposable Lock(string lockFilePath);
}
