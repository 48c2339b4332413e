namespace Alluxio.Grpc.Http2.Hpack;

/// <summary>
/// The Huffman code of HPACK string literals (RFC 7541 section 5.2, appendix B). The code is canonical: codes of one
/// length are consecutive in symbol order and each length starts where the shorter ones left off, so the appendix's
/// bit lengths alone determine every code. Symbol 256 is EOS, which must never appear in a string; a string ends with
/// at most 7 bits of padding that are the high bits of EOS (all ones).
/// </summary>
public static class HpackHuffman
{
    /// <summary>Code length in bits of each symbol 0..255 and EOS (256): RFC 7541 appendix B, "len".</summary>
    private static ReadOnlySpan<byte> Lengths =>
    [
        13, 23, 28, 28, 28, 28, 28, 28, 28, 24, 30, 28, 28, 30, 28, 28, 28, 28, 28, 28, 28, 28, 30, 28, 28, 28, 28, 28, 28, 28, 28, 28,
        6, 10, 10, 12, 13, 6, 8, 11, 10, 10, 8, 11, 8, 6, 6, 6, 5, 5, 5, 6, 6, 6, 6, 6, 6, 6, 7, 8, 15, 6, 12, 10,
        13, 6, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 8, 7, 8, 13, 19, 13, 14, 6,
        15, 5, 6, 5, 6, 5, 6, 6, 6, 5, 7, 7, 6, 6, 6, 5, 6, 7, 6, 5, 5, 6, 7, 7, 7, 7, 7, 15, 11, 14, 13, 28,
        20, 22, 20, 20, 22, 22, 22, 23, 22, 23, 23, 23, 23, 23, 24, 23, 24, 24, 22, 23, 24, 23, 23, 23, 23, 21, 22, 23, 22, 23, 23, 24,
        22, 21, 20, 22, 22, 23, 23, 21, 23, 22, 22, 24, 21, 22, 23, 23, 21, 21, 22, 21, 23, 22, 23, 23, 20, 22, 22, 22, 23, 22, 22, 23,
        26, 26, 20, 19, 22, 23, 22, 25, 26, 26, 26, 27, 27, 26, 24, 25, 19, 21, 26, 27, 27, 26, 27, 24, 21, 21, 26, 26, 28, 27, 27, 27,
        20, 24, 20, 21, 22, 21, 21, 23, 22, 22, 25, 25, 24, 24, 26, 23, 26, 27, 26, 26, 27, 27, 27, 27, 27, 28, 27, 27, 27, 27, 27, 26,
        30,
    ];

    private const int Eos = 256;

    // Decoding tree: node i's children are at s_tree[2i] (bit 0) and s_tree[2i + 1] (bit 1); a value >= 0 is the next
    // node, a negative value ~symbol is a leaf.
    private static readonly int[] s_tree;
    private static readonly uint[] s_codes = new uint[257];

    static HpackHuffman()
    {
        var lengths = Lengths.ToArray();
        var order = Enumerable.Range(0, 257).OrderBy(s => lengths[s]).ThenBy(s => s).ToArray();
        uint code = 0;
        var previous = lengths[order[0]];
        for (var i = 0; i < order.Length; i++)
        {
            var symbol = order[i];
            if (i > 0)
                code = (code + 1) << (lengths[symbol] - previous);
            previous = lengths[symbol];
            s_codes[symbol] = code;
        }

        var tree = new List<int> { 0, 0 };
        for (var symbol = 0; symbol < 257; symbol++)
        {
            var node = 0;
            for (var bit = lengths[symbol] - 1; bit >= 0; bit--)
            {
                var slot = (2 * node) + (int)((s_codes[symbol] >> bit) & 1);
                if (bit == 0)
                {
                    tree[slot] = ~symbol;
                    break;
                }

                if (tree[slot] <= 0)
                {
                    tree[slot] = tree.Count / 2;
                    tree.Add(0);
                    tree.Add(0);
                }

                node = tree[slot];
            }
        }

        s_tree = [.. tree];
    }

    /// <summary>The code of <paramref name="symbol"/> (0..256), right-aligned, and its length in bits.</summary>
    public static (uint Code, int Length) CodeOf(int symbol) => (s_codes[symbol], Lengths[symbol]);

    /// <summary>Bytes the Huffman encoding of <paramref name="source"/> takes.</summary>
    public static int EncodedLength(ReadOnlySpan<byte> source)
    {
        long bits = 0;
        foreach (var b in source)
            bits += Lengths[b];
        return (int)((bits + 7) / 8);
    }

    /// <summary>Encodes <paramref name="source"/> into <paramref name="destination"/> (<see cref="EncodedLength"/> bytes), padded with ones.</summary>
    public static int Encode(ReadOnlySpan<byte> source, Span<byte> destination)
    {
        ulong pending = 0;
        var bits = 0;
        var at = 0;
        foreach (var b in source)
        {
            pending = (pending << Lengths[b]) | s_codes[b];
            bits += Lengths[b];
            while (bits >= 8)
            {
                bits -= 8;
                destination[at++] = (byte)(pending >> bits);
            }
        }

        if (bits > 0)
            destination[at++] = (byte)((pending << (8 - bits)) | (0xffu >> bits));
        return at;
    }

    /// <summary>Decodes a Huffman-coded string literal into <paramref name="destination"/> (which must hold it); returns its length.</summary>
    /// <exception cref="Http2Exception">EOS inside the string, padding over 7 bits or not all ones, or a full destination (COMPRESSION_ERROR).</exception>
    public static int Decode(ReadOnlySpan<byte> source, Span<byte> destination)
    {
        var tree = s_tree;
        var node = 0;
        var pendingBits = 0; // bits read since the last complete symbol
        var pendingOnes = true;
        var at = 0;
        foreach (var b in source)
        {
            for (var bit = 7; bit >= 0; bit--)
            {
                var one = (b >> bit) & 1;
                var next = tree[(2 * node) + one];
                pendingBits++;
                pendingOnes &= one == 1;
                if (next < 0)
                {
                    var symbol = ~next;
                    if (symbol == Eos)
                        throw Http2Exception.Connection(Http2ErrorCode.CompressionError, "A Huffman-coded header string contains EOS.");
                    if (at == destination.Length)
                        throw Http2Exception.Connection(Http2ErrorCode.CompressionError, "A Huffman-coded header string decodes longer than allowed.");
                    destination[at++] = (byte)symbol;
                    node = 0;
                    pendingBits = 0;
                    pendingOnes = true;
                }
                else
                {
                    node = next;
                }
            }
        }

        if (pendingBits > 7 || !pendingOnes)
            throw Http2Exception.Connection(Http2ErrorCode.CompressionError, "A Huffman-coded header string has invalid padding.");
        return at;
    }
}
