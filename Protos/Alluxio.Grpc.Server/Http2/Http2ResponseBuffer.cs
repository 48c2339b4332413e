using System.Buffers;

namespace Alluxio.Grpc.Server.Http2;

/// <summary>
/// The response bytes of one stream written since its last flush, in one contiguous pooled buffer (a message is
/// serialized into it in place and goes out from it as DATA frames). Grows to the largest message written; returned
/// to the pool with <see cref="Dispose"/>.
/// </summary>
internal sealed class Http2ResponseBuffer : IBufferWriter<byte>, IDisposable
{
    private byte[] _buffer = [];
    private int _length;

    /// <summary>The bytes written and not yet taken.</summary>
    public ReadOnlyMemory<byte> Written => _buffer.AsMemory(0, _length);

    public int Length => _length;

    public void Advance(int count)
    {
        if ((uint)count > (uint)(_buffer.Length - _length))
            throw new ArgumentOutOfRangeException(nameof(count));
        _length += count;
    }

    public Memory<byte> GetMemory(int sizeHint = 0)
    {
        Ensure(sizeHint);
        return _buffer.AsMemory(_length);
    }

    public Span<byte> GetSpan(int sizeHint = 0)
    {
        Ensure(sizeHint);
        return _buffer.AsSpan(_length);
    }

    /// <summary>Forgets what was written (it was sent, or will never be).</summary>
    public void Clear() => _length = 0;

    public void Dispose()
    {
        var buffer = _buffer;
        _buffer = [];
        _length = 0;
        if (buffer.Length > 0)
            ArrayPool<byte>.Shared.Return(buffer);
    }

    private void Ensure(int sizeHint)
    {
        var needed = (long)_length + Math.Max(sizeHint, 256);
        if (needed <= _buffer.Length)
            return;
        if (needed > Array.MaxLength)
            throw new OutOfMemoryException($"A response of {needed} bytes is too large to buffer.");
        var grown = ArrayPool<byte>.Shared.Rent((int)Math.Max(needed, Math.Min(Array.MaxLength, _buffer.Length * 2L)));
        _buffer.AsSpan(0, _length).CopyTo(grown);
        if (_buffer.Length > 0)
            ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = grown;
    }
}
