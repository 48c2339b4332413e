using Alluxio.Runtime.IO;

namespace Alluxio.Metastore.Journal.Log;

/// <summary>The real <see cref="IJournalFileSystem"/>.</summary>
internal sealed class PhysicalJournalFileSystem : IJournalFileSystem
{
    /// <summary>Files may be read, extended and deleted by other handles (readers keep reading a deleted segment).</summary>
    private const FileShare Sharing = FileShare.ReadWrite | FileShare.Delete;

    public static PhysicalJournalFileSystem Instance { get; } = new();

    public void CreateDirectory(string path) => Directory.CreateDirectory(path);

    public IReadOnlyList<string> ListFiles(string directory) => Directory.GetFiles(directory);

    public IJournalFile OpenReadWrite(string path) => Open(path, FileMode.Open, FileAccess.ReadWrite);

    public IJournalFile Create(string path) => Open(path, FileMode.Create, FileAccess.ReadWrite);

    public IJournalFile OpenRead(string path) => Open(path, FileMode.Open, FileAccess.Read);

    public void Delete(string path) => File.Delete(path);

    public void Move(string source, string destination) => File.Move(source, destination, overwrite: true);

    public void SyncDirectory(string directory) => DirectorySync.Sync(directory);

    public IDisposable Lock(string lockFilePath) =>
        new FileStream(lockFilePath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, bufferSize: 1);

    private static PhysicalJournalFile Open(string path, FileMode mode, FileAccess access) =>
        new(path, File.OpenHandle(path, mode, access, Sharing));
}
