using Alluxio.Tiers.Files;

namespace Alluxio.Tiers.Tests;

/// <summary>
/// The real disk with faults injected by path: a write fault fires once the file would pass a byte limit (a disk
/// filling up mid-write), a read fault on any read, a create fault on creation. Faults stay until cleared.
/// </summary>
internal sealed class FaultyBlockFileSystem(IBlockFileSystem inner) : IBlockFileSystem
{
    /// <summary>Given a path and the length the file would reach, the error to throw (or null).</summary>
    public Func<string, long, Exception?>? WriteFault { get; set; }

    public Func<string, Exception?>? CreateFault { get; set; }

    public Func<string, Exception?>? ReadFault { get; set; }

    public long AvailableBytesOverride { get; set; } = -1;

    public void CreateDirectory(string path) => inner.CreateDirectory(path);

    public IEnumerable<string> EnumerateFiles(string directory) => inner.EnumerateFiles(directory);

    public IBlockFile Create(string path)
    {
        if (CreateFault?.Invoke(path) is { } error)
        {
            throw error;
        }

        return new FaultyFile(this, path, inner.Create(path));
    }

    public IBlockFile OpenRead(string path) => new FaultyFile(this, path, inner.OpenRead(path));

    public void Move(string source, string destination) => inner.Move(source, destination);

    public bool Delete(string path) => inner.Delete(path);

    public long GetLength(string path) => inner.GetLength(path);

    public void SyncDirectory(string path) => inner.SyncDirectory(path);

    public IDisposable Lock(string directory) => inner.Lock(directory);

    public long GetAvailableBytes(string path) => AvailableBytesOverride >= 0 ? AvailableBytesOverride : inner.GetAvailableBytes(path);

    private sealed class FaultyFile(FaultyBlockFileSystem owner, string path, IBlockFile inner) : IBlockFile
    {
        public long Length => inner.Length;

        public void Write(long offset, ReadOnlySpan<byte> data)
        {
            if (owner.WriteFault?.Invoke(path, offset + data.Length) is { } error)
            {
                throw error;
            }

            inner.Write(offset, data);
        }

        public int Read(long offset, Span<byte> buffer) =>
            owner.ReadFault?.Invoke(path) is { } error ? throw error : inner.Read(offset, buffer);

        public void Sync() => inner.Sync();

        public void Dispose() => inner.Dispose();
    }
}
