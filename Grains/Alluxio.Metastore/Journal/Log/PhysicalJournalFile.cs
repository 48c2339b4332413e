using Microsoft.Win32.SafeHandles;

namespace Alluxio.Metastore.Journal.Log;

/// <summary>An <see cref="IJournalFile"/> on a real file, through <see cref="RandomAccess"/> (no user-space buffering).</summary>
internal sealed class PhysicalJournalFile : IJournalFile
{
    private readonly SafeFileHandle _handle;

    public PhysicalJournalFile(string path, SafeFileHandle handle)
    {
        Path = path;
        _handle = handle;
    }

    public string Path { get; }

    public long Length => RandomAccess.GetLength(_handle);

    public int Read(Span<byte> buffer, long offset) => RandomAccess.Read(_handle, buffer, offset);

    public void Write(ReadOnlySpan<byte> data, long offset) => RandomAccess.Write(_handle, data, offset);

    public void SetLength(long length) => RandomAccess.SetLength(_handle, length);

    public void Flush() => RandomAccess.FlushToDisk(_handle);

    public void Dispose() => _handle.Dispose();
}
