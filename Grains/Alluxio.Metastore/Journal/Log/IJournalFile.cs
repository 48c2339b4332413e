namespace Alluxio.Metastore.Journal.Log;

/// <summary>
/// An open segment file: positional reads and writes, truncation, fsync. The seam through which tests inject disk-full,
/// fsync failures and torn writes. Failures are thrown as <see cref="IOException"/> (or
/// <see cref="UnauthorizedAccessException"/>) carrying the OS error text.
/// </summary>
internal interface IJournalFile : IDisposable
{
    /// <summary>The file's path.</summary>
    string Path { get; }

    /// <summary>The file's current length in bytes.</summary>
    long Length { get; }

    /// <summary>Reads up to <c>buffer.Length</c> bytes at <paramref name="offset"/>; returns the count read (0 at the end).</summary>
    int Read(Span<byte> buffer, long offset);

    /// <summary>Writes all of <paramref name="data"/> at <paramref name="offset"/> (not yet durable).</summary>
    void Write(ReadOnlySpan<byte> data, long offset);

    /// <summary>Sets the file's length (cuts it when shorter).</summary>
    void SetLength(long length);

    /// <summary>Makes the file's data and length durable (fsync).</summary>
    void Flush();
}
