namespace Alluxio.Ufs;

/// <summary>The read stream of <see cref="FaultInjectingUnderFileSystem"/>: checks Read rules on each read, forwards everything.</summary>
internal sealed class FaultInjectingReadStream : Stream
{
    private readonly FaultInjectingUnderFileSystem _owner;
    private readonly Stream _inner;
    private readonly string _path;

    internal FaultInjectingReadStream(FaultInjectingUnderFileSystem owner, Stream inner, string path)
    {
        _owner = owner;
        _inner = inner;
        _path = path;
    }

    public override bool CanRead => _inner.CanRead;

    public override bool CanSeek => _inner.CanSeek;

    public override bool CanWrite => false;

    public override long Length => _inner.Length;

    public override long Position
    {
        get => _inner.Position;
        set => _inner.Position = value;
    }

    public override int Read(byte[] buffer, int offset, int count)
    {
        _owner.Before(UfsOperation.Read, _path);
        return _inner.Read(buffer, offset, count);
    }

    public override int Read(Span<byte> buffer)
    {
        _owner.Before(UfsOperation.Read, _path);
        return _inner.Read(buffer);
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        await _owner.BeforeAsync(UfsOperation.Read, _path, null, cancellationToken).ConfigureAwait(false);
        return await _inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
    }

    public override long Seek(long offset, SeekOrigin origin) => _inner.Seek(offset, origin);

    public override void Flush()
    {
    }

    public override void SetLength(long value) => throw new NotSupportedException("A UFS read stream is read-only.");

    public override void Write(byte[] buffer, int offset, int count) =>
        throw new NotSupportedException("A UFS read stream is read-only.");

    public override async ValueTask DisposeAsync()
    {
        await _inner.DisposeAsync().ConfigureAwait(false);
        await base.DisposeAsync().ConfigureAwait(false);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _inner.Dispose();
        }

        base.Dispose(disposing);
    }
}
