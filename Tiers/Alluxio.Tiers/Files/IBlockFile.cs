namespace Alluxio.Tiers.Files;

/// <summary>
/// An open block file with positioned reads and writes (no shared file position, so concurrent readers need no lock).
/// Not thread-safe for writes; reads may run concurrently.
/// </summary>
public interface IBlockFile : IDisposable
{
    /// <summary>The file's current length.</summary>
    long Length { get; }

    /// <summary>Writes all of <paramref name="data"/> at <paramref name="offset"/>.</summary>
    void Write(long offset, ReadOnlySpan<byte> data);

    /// <summary>Reads up to <paramref name="buffer"/>'s length at <paramref name="offset"/>; 0 at the end.</summary>
    int Read(long offset, Span<byte> buffer);

    /// <summary>fsync: the written bytes reach the device.</summary>
    void Sync();
}
