using System.Buffers;
using System.Text;

namespace Alluxio.Grpc.Http2.Hpack;

/// <summary>
/// Encodes header blocks without a dynamic table (RFC 7541 allows an encoder never to add entries): a field that is
/// in the static table with its value is sent as its index; otherwise as a literal without indexing, its name by
/// static index when there is one, each string Huffman-coded when that is shorter. Stateless, so one instance may
/// serve every stream of a connection and blocks may go out in any order.
/// </summary>
public static class HpackEncoder
{
    /// <summary>Appends the encoding of <paramref name="name"/>: <paramref name="value"/> to <paramref name="output"/>.</summary>
    public static void Encode(IBufferWriter<byte> output, string name, string value)
    {
        ArgumentNullException.ThrowIfNull(output);
        var index = HpackStaticTable.IndexOf(name, value);
        if (index > 0)
        {
            WriteInteger(output, index, 7, 0x80);
            return;
        }

        var nameIndex = HpackStaticTable.IndexOfName(name);
        WriteInteger(output, nameIndex, 4, 0x00);
        if (nameIndex == 0)
            WriteString(output, name);
        WriteString(output, value);
    }

    /// <summary>Appends a string literal, Huffman-coded when that is shorter.</summary>
    public static void WriteString(IBufferWriter<byte> output, string value)
    {
        var length = Encoding.Latin1.GetByteCount(value);
        var rented = ArrayPool<byte>.Shared.Rent(Math.Max(1, length));
        try
        {
            var raw = rented.AsSpan(0, Encoding.Latin1.GetBytes(value, rented));
            var huffmanLength = HpackHuffman.EncodedLength(raw);
            if (huffmanLength < raw.Length)
            {
                WriteInteger(output, huffmanLength, 7, 0x80);
                var span = output.GetSpan(huffmanLength);
                HpackHuffman.Encode(raw, span);
                output.Advance(huffmanLength);
            }
            else
            {
                WriteInteger(output, raw.Length, 7, 0x00);
                output.Write(raw);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    /// <summary>Appends an integer with an N-bit prefix (section 5.1); <paramref name="flags"/> fills the bits above it.</summary>
    public static void WriteInteger(IBufferWriter<byte> output, int value, int prefixBits, byte flags)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(value);
        var span = output.GetSpan(6);
        var mask = (1 << prefixBits) - 1;
        if (value < mask)
        {
            span[0] = (byte)(flags | value);
            output.Advance(1);
            return;
        }

        span[0] = (byte)(flags | mask);
        var at = 1;
        var rest = value - mask;
        while (rest >= 0x80)
        {
            span[at++] = (byte)((rest & 0x7f) | 0x80);
            rest >>= 7;
        }

        span[at++] = (byte)rest;
        output.Advance(at);
    }
}
