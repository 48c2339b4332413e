using System.Collections.Concurrent;
using Alluxio.Metastore.Journal.Log;

namespace Alluxio.Metastore.Tests.Journal;

/// <summary>
/// The real file system with injectable faults (the errors carry the text the OS would give), and a count of the
/// bytes read and a log of the mutating operations (to check the durability protocol). Fault settings are read by the writer thread; set them before the operation they should hit.
/// </summary>
internal sealed class FaultyFileSystem : IJournalFileSystem
{
    private readonly IJournalFileSystem _inner = PhysicalJournalFileSystem.Instance;
    private long _bytesRead;

    /// <summary>The next write stores only this many bytes, then fails with ENOSPC (one shot).</summary>
    public int? TornWriteBytes { get; set; }

    /// <summary>This many next fsyncs fail with EIO.</summary>
    public int FailingFlushes { get; set; }

    /// <summary>Truncations fail with EIO while set.</summary>
    public bool FailSetLength { get; set; }

    /// <summary>Renames fail with ENOSPC while set.</summary>
    public bool FailMove { get; set; }

    /// <summary>Deleting a file whose path matches fails with EIO.</summary>
    public Func<string, bool>? FailDelete { get; set; }

    /// <summary>Runs (on the writer's thread) at the start of every fsync of a segment file.</summary>
    public Action? BeforeFlush { get; set; }

    public long BytesRead => Interlocked.Read(ref _bytesRead);

    /// <summary>Mutating operations in order: "create f", "write f", "flush f", "setlength f n", "move a b", "delete f", "sync-dir".</summary>
    public ConcurrentQueue<string> Operations { get; } = new();

    internal void Note(string operation) => Operations.Enqueue(operation);

    internal void CountRead(int bytes) => Interlocked.Add(ref _bytesRead, bytes);

    internal static string Name(string path) => System.IO.Path.GetFileName(path);

    public void CreateDirectory(string path) => _inner.CreateDirectory(path);

    public IReadOnlyList<string> ListFiles(string directory) => _inner.ListFiles(directory);

    public IJournalFile OpenReadWrite(string path) => new FaultyFile(this, _inner.OpenReadWrite(path));

    public IJournalFile Create(string path)
    {
        Note($"create {Name(path)}");
        return new FaultyFile(this, _inner.Create(path));
    }

    public IJournalFile OpenRead(string path) => new FaultyFile(this, _inner.OpenRead(path));

    public void Delete(string path)
    {
        if (FailDelete?.Invoke(path) == true)
        {
            throw new IOException($"Input/output error : '{path}'");
        }

        Note($"delete {Name(path)}");
        _inner.Delete(path);
    }

    public void Move(string source, string destination)
    {
        if (FailMove)
        {
            throw new IOException($"No space left on device : '{destination}'");
        }

        Note($"move {Name(source)} {Name(destination)}");
        _inner.Move(source, destination);
    }

    public void SyncDirectory(string directory)
    {
        Note("sync-dir");
        _inner.SyncDirectory(directory);
    }

    public IDisposable Lock(string lockFilePath) => _inner.Lock(lockFilePath);
}
