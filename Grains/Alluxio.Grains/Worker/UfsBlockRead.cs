namespace Alluxio.Grains.Worker;

/// <summary>
/// A short-circuit reader reading a missed block from its UFS file on this host: <see cref="Length"/> bytes from
/// <see cref="Offset"/> of <see cref="File"/>. While it is not disposed the worker counts the reader as
/// active and holds its background loads back (see <see cref="WorkerOptions.AsyncCacheDeferral"/>).
/// </summary>
public sealed class UfsBlockRead : IDisposable
{
    private Action? _ended;

    internal UfsBlockRead(Ufs.UfsHostFile file, long offset, long length, Action ended)
    {
        File = file;
        Offset = offset;
        Length = length;
        _ended = ended;
    }

    /// <summary>The UFS file as the worker found it (length and modification time, for the reader to check).</summary>
    public Ufs.UfsHostFile File { get; }

    /// <summary>The block's first byte in the file.</summary>
    public long Offset { get; }

    /// <summary>The block's length.</summary>
    public long Length { get; }

    /// <summary>The reader is done (idempotent).</summary>
    public void Dispose() => Interlocked.Exchange(ref _ended, null)?.Invoke();
}
