using Alluxio.Runtime.IO;

namespace Alluxio.Tiers.Files;

/// <summary>The real disk.</summary>
public sealed class PhysicalBlockFileSystem : IBlockFileSystem
{
    public static PhysicalBlockFileSystem Instance { get; } = new();

    public void CreateDirectory(string path) => Directory.CreateDirectory(path);

    public IEnumerable<string> EnumerateFiles(string directory) => Directory.EnumerateFiles(directory);

    public IBlockFile Create(string path) =>
        new PhysicalBlockFile(File.OpenHandle(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.Read));

    public IBlockFile OpenRead(string path) =>
        new PhysicalBlockFile(File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete));

    public void Move(string source, string destination) => File.Move(source, destination, overwrite: false);

    public bool Delete(string path)
    {
        if (!File.Exists(path))
        {
            return false;
        }

        File.Delete(path);
        return true;
    }

    public long GetLength(string path)
    {
        var info = new FileInfo(path);
        return info.Exists ? info.Length : -1;
    }

    public void SyncDirectory(string path) => DirectorySync.Sync(path);

    public IDisposable Lock(string directory) =>
        // FileShare.None takes an exclusive flock on Unix; it fails while another process (or store) holds it.
        new FileStream(Path.Combine(directory, ".lock"), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, bufferSize: 1);

    public long GetAvailableBytes(string path) => new DriveInfo(path).AvailableFreeSpace;
}
