using Alluxio.Metastore.Journal.Log;

namespace Alluxio.Metastore.Tests.Journal;

/// <summary>A segment file of a <see cref="FaultyFileSystem"/>: applies its faults and records its operations.</summary>
internal sealed class FaultyFile(FaultyFileSystem owner, IJournalFile inner) : IJournalFile
{
    public string Path => inner.Path;

    public long Length => inner.Length;

    public int Read(Span<byte> buffer, long offset)
    {
        var read = inner.Read(buffer, offset);
        owner.CountRead(read);
        return read;
    }

    public void Write(ReadOnlySpan<byte> data, long offset)
    {
        if (owner.TornWriteBytes is { } stored)
        {
            owner.TornWriteBytes = null;
            inner.Write(data[..Math.Min(stored, data.Length)], offset);
            throw new IOException($"No space left on device : '{inner.Path}'");
        }

        owner.Note($"write {FaultyFileSystem.Name(inner.Path)}");
        inner.Write(data, offset);
    }

    public void SetLength(long length)
    {
        if (owner.FailSetLength)
        {
            throw new IOException($"Input/output error : '{inner.Path}'");
        }

        owner.Note($"setlength {FaultyFileSystem.Name(inner.Path)} {length}");
        inner.SetLength(length);
    }

    public void Flush()
    {
        owner.BeforeFlush?.Invoke();
        if (owner.FailingFlushes > 0)
        {
            owner.FailingFlushes--;
            throw new IOException($"Input/output error : '{inner.Path}'");
        }

        owner.Note($"flush {FaultyFileSystem.Name(inner.Path)}");
        inner.Flush();
    }

    public void Dispose() => inner.Dispose();
}
