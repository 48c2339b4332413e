using System.Buffers;
using System.Text;

namespace Alluxio.Grpc.Http2.Hpack;

/// <summary>
/// Decodes the header blocks one peer sends on a connection (RFC 7541): indexed fields, literals with and without
/// indexing, dynamic table size updates, Huffman-coded strings. The dynamic table carries over from block to block,
/// so every block must be decoded, in order, even one that is refused. Any malformed input is a connection error
/// (COMPRESSION_ERROR): the table's state is then unknown and the connection cannot go on. Not thread-safe.
/// </summary>
public sealed class HpackDecoder
{
    private readonly HpackDynamicTable _table;
    private int _allowedTableSize; // what this side's SETTINGS_HEADER_TABLE_SIZE lets the peer use

    /// <param name="maxTableSize">This side's SETTINGS_HEADER_TABLE_SIZE (4096 unless announced otherwise).</param>
    public HpackDecoder(int maxTableSize = 4096)
    {
        _allowedTableSize = maxTableSize;
        _table = new HpackDynamicTable(maxTableSize);
    }

    /// <summary>The dynamic table (for tests and diagnostics).</summary>
    public HpackDynamicTable Table => _table;

    /// <summary>
    /// Decodes one complete header block into <paramref name="fields"/>. Once the fields' total size (each name +
    /// value + 32) passes <paramref name="maxListSize"/>, later fields are decoded (the table must stay in step) but
    /// not added, and the result is false: the caller refuses the request.
    /// </summary>
    /// <exception cref="Http2Exception">The block is malformed (a connection error, COMPRESSION_ERROR).</exception>
    public bool Decode(ReadOnlySpan<byte> block, List<HeaderField> fields, int maxListSize = int.MaxValue)
    {
        ArgumentNullException.ThrowIfNull(fields);
        var at = 0;
        long listSize = 0;
        var fieldSeen = false;
        while (at < block.Length)
        {
            var first = block[at];
            HeaderField field;
            if ((first & 0x80) != 0)
            {
                field = Lookup(ReadInteger(block, ref at, 7));
            }
            else if ((first & 0x40) != 0)
            {
                field = ReadLiteral(block, ref at, 6);
                _table.Add(field);
            }
            else if ((first & 0x20) != 0)
            {
                // A table size update may only lead a block (section 4.2), and stay within what the settings allow.
                if (fieldSeen)
                    throw Error("A dynamic table size update follows a header field.");
                var size = ReadInteger(block, ref at, 5);
                if (size > _allowedTableSize)
                    throw Error($"A dynamic table size update to {size} is above the allowed {_allowedTableSize}.");
                _table.Resize(size);
                continue;
            }
            else
            {
                field = ReadLiteral(block, ref at, 4); // without indexing (0000) or never indexed (0001)
            }

            fieldSeen = true;
            listSize += field.Size;
            if (listSize <= maxListSize)
                fields.Add(field);
        }

        return listSize <= maxListSize;
    }

    /// <summary>
    /// This side announced a new SETTINGS_HEADER_TABLE_SIZE and the peer acknowledged it: the peer may use up to that
    /// size (a smaller one takes effect with the peer's size update, which it must then send).
    /// </summary>
    public void SetAllowedTableSize(int size)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(size);
        _allowedTableSize = size;
        if (_table.MaxSize > size)
            _table.Resize(size);
    }

    private HeaderField Lookup(int index)
    {
        if (index == 0)
            throw Error("A header field refers to index 0.");
        if (index <= HpackStaticTable.Count)
            return HpackStaticTable.Get(index);
        var dynamicIndex = index - HpackStaticTable.Count;
        if (dynamicIndex > _table.Count)
            throw Error($"A header field refers to index {index}, past the {HpackStaticTable.Count + _table.Count} entries.");
        return _table[dynamicIndex];
    }

    private HeaderField ReadLiteral(ReadOnlySpan<byte> block, ref int at, int prefixBits)
    {
        var nameIndex = ReadInteger(block, ref at, prefixBits);
        var name = nameIndex == 0 ? ReadString(block, ref at) : Lookup(nameIndex).Name;
        var value = ReadString(block, ref at);
        return new HeaderField(name, value);
    }

    private static string ReadString(ReadOnlySpan<byte> block, ref int at)
    {
        if (at >= block.Length)
            throw Error("A header block ends where a string was expected.");
        var huffman = (block[at] & 0x80) != 0;
        var length = ReadInteger(block, ref at, 7);
        if (length > block.Length - at)
            throw Error($"A header string of {length} bytes runs past the end of its block.");
        var raw = block.Slice(at, length);
        at += length;
        if (!huffman)
            return Encoding.Latin1.GetString(raw);

        var rented = ArrayPool<byte>.Shared.Rent(Math.Max(1, (int)((raw.Length * 8L / 5) + 1)));
        try
        {
            var decoded = HpackHuffman.Decode(raw, rented);
            return Encoding.Latin1.GetString(rented, 0, decoded);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    /// <summary>An integer with an N-bit prefix (section 5.1), at most 2^31 - 1.</summary>
    internal static int ReadInteger(ReadOnlySpan<byte> block, ref int at, int prefixBits)
    {
        if (at >= block.Length)
            throw Error("A header block ends inside an integer.");
        var mask = (1 << prefixBits) - 1;
        long value = block[at++] & mask;
        if (value < mask)
            return (int)value;
        for (var shift = 0; ; shift += 7)
        {
            if (at >= block.Length)
                throw Error("A header block ends inside an integer.");
            var b = block[at++];
            value += (long)(b & 0x7f) << shift;
            if (value > int.MaxValue || shift > 28)
                throw Error("A header block holds an integer too large.");
            if ((b & 0x80) == 0)
                return (int)value;
        }
    }

    private static Http2Exception Error(string message) => Http2Exception.Connection(Http2ErrorCode.CompressionError, message);
}
