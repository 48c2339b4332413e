using Microsoft.Win32.SafeHandles;

namespace Alluxio.Tiers.Files;

/// <summary>A file through <see cref="RandomAccess"/>: positioned, unbuffered by .NET (the OS page cache serves).</summary>
internal sealed class PhysicalBlockFile(SafeFileHandle handle) : IBlockFile
{
    public long Length => RandomAccess.GetLength(handle);

    public void Write(long offset, ReadOnlySpan<byte> data) => RandomAccess.Write(handle, data, offset);

    public int Read(long offset, Span<byte> buffer) => RandomAccess.Read(handle, buffer, offset);

    public void Sync() => RandomAccess.FlushToDisk(handle);

    public void Dispose() => handle.Dispose();
}
