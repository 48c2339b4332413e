namespace Alluxio.Grpc.Http2.Hpack;

/// <summary>
/// The HPACK dynamic table of one direction of a connection (RFC 7541 section 2.3.2, 4): newest entry at index 1,
/// entries evicted oldest first when their total size would pass <see cref="MaxSize"/>. Not thread-safe (a
/// connection decodes one header block at a time).
/// </summary>
public sealed class HpackDynamicTable
{
    private HeaderField[] _ring = new HeaderField[16];
    private int _oldest; // ring index of the oldest entry
    private int _count;

    public HpackDynamicTable(int maxSize)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxSize);
        MaxSize = maxSize;
    }

    /// <summary>Entries in the table.</summary>
    public int Count => _count;

    /// <summary>Total size of the entries (name + value + 32 each).</summary>
    public int Size { get; private set; }

    /// <summary>The largest total size; lowering it evicts.</summary>
    public int MaxSize { get; private set; }

    /// <summary>The entry at <paramref name="index"/> (1 = newest).</summary>
    public HeaderField this[int index]
    {
        get
        {
            if ((uint)(index - 1) >= (uint)_count)
                throw new ArgumentOutOfRangeException(nameof(index));
            return _ring[(_oldest + _count - index) % _ring.Length];
        }
    }

    /// <summary>Sets the largest size, evicting until the entries fit.</summary>
    public void Resize(int maxSize)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxSize);
        MaxSize = maxSize;
        EvictTo(maxSize);
    }

    /// <summary>Adds an entry; one larger than the whole table empties it instead (section 4.4).</summary>
    public void Add(HeaderField field)
    {
        var size = field.Size;
        if (size > MaxSize)
        {
            EvictTo(0);
            return;
        }

        EvictTo(MaxSize - size);
        if (_count == _ring.Length)
        {
            var grown = new HeaderField[_ring.Length * 2];
            for (var i = 0; i < _count; i++)
                grown[i] = _ring[(_oldest + i) % _ring.Length];
            _ring = grown;
            _oldest = 0;
        }

        _ring[(_oldest + _count) % _ring.Length] = field;
        _count++;
        Size += size;
    }

    private void EvictTo(int limit)
    {
        while (Size > limit && _count > 0)
        {
            Size -= _ring[_oldest].Size;
            _ring[_oldest] = default;
            _oldest = (_oldest + 1) % _ring.Length;
            _count--;
        }
    }
}
