using System.Buffers;
using System.Text;
using Alluxio.Protos.Wire;

namespace Alluxio.Protos.Grpc.Block;

/// <summary>
/// <see cref="ReadResponse"/> on the wire, written and read without a message object in between: the worker
/// serializes a chunk straight into the response buffer and the client takes the chunk out of the received bytes in
/// place. The encoding is the one protobuf gives <see cref="ReadResponse"/> (field 1 <c>chunk</c>, field 2
/// <c>source</c>, both length-delimited); the contract test checks both directions against the generated code.
/// </summary>
public static class ReadResponseWire
{
    private const byte ChunkTag = (1 << 3) | 2;
    private const byte SourceTag = (2 << 3) | 2;
    private const string Message = "ReadResponse";

    /// <summary>The serialized size of a response carrying <paramref name="chunkLength"/> bytes and <paramref name="source"/>.</summary>
    public static int Size(int chunkLength, string? source)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(chunkLength);
        var size = chunkLength == 0 ? 0 : 1 + VarintSize((uint)chunkLength) + chunkLength;
        if (!string.IsNullOrEmpty(source))
        {
            var sourceLength = Encoding.UTF8.GetByteCount(source);
            size += 1 + VarintSize((uint)sourceLength) + sourceLength;
        }

        return size;
    }

    /// <summary>
    /// Writes a response of <paramref name="destination"/>'s length (<see cref="Size"/>): the chunk's field prefix,
    /// then the chunk that <paramref name="fillChunk"/> writes in place (all of the span it is given, or it throws),
    /// then <paramref name="source"/>.
    /// </summary>
    public static void Write<TState>(Span<byte> destination, int chunkLength, string? source, TState state, SpanAction<byte, TState> fillChunk)
    {
        ArgumentNullException.ThrowIfNull(fillChunk);
        if (destination.Length != Size(chunkLength, source))
            throw new ArgumentException($"The destination holds {destination.Length} bytes; the response is {Size(chunkLength, source)}.", nameof(destination));
        var at = 0;
        if (chunkLength > 0)
        {
            destination[at++] = ChunkTag;
            at += WriteVarint(destination[at..], (uint)chunkLength);
            fillChunk(destination.Slice(at, chunkLength), state);
            at += chunkLength;
        }

        if (!string.IsNullOrEmpty(source))
        {
            destination[at++] = SourceTag;
            at += WriteVarint(destination[at..], (uint)Encoding.UTF8.GetByteCount(source));
            Encoding.UTF8.GetBytes(source, destination[at..]);
        }
    }

    /// <summary>
    /// Reads a serialized response in place: <paramref name="chunk"/> is a slice of <paramref name="payload"/>,
    /// <paramref name="source"/> empty when absent. Unknown fields are skipped (a newer worker may add some); a
    /// repeated field keeps its last value, as protobuf does.
    /// </summary>
    /// <exception cref="InvalidDataException">The bytes are not a valid encoding.</exception>
    public static void Read(ReadOnlyMemory<byte> payload, out ReadOnlyMemory<byte> chunk, out string source)
    {
        chunk = default;
        source = "";
        var span = payload.Span;
        var at = 0;
        while (at < span.Length)
        {
            var tag = ProtoWireReader.ReadVarint(span, ref at, Message);
            var field = (int)(tag >> 3);
            var wireType = (int)(tag & 7);
            if (field == 0)
                throw ProtoWireReader.Malformed(Message, "a field has number 0");
            if (tag == ChunkTag)
            {
                var (start, length) = ProtoWireReader.SliceRange(span, ref at, Message);
                chunk = payload.Slice(start, length);
            }
            else if (tag == SourceTag)
            {
                source = Encoding.UTF8.GetString(ProtoWireReader.Slice(span, ref at, Message));
            }
            else
            {
                ProtoWireReader.Skip(span, ref at, field, wireType, Message);
            }
        }
    }

    private static int VarintSize(uint value)
    {
        var size = 1;
        while (value >= 0x80)
        {
            value >>= 7;
            size++;
        }

        return size;
    }

    private static int WriteVarint(Span<byte> destination, uint value)
    {
        var at = 0;
        while (value >= 0x80)
        {
            destination[at++] = (byte)(value | 0x80);
            value >>= 7;
        }

        destination[at++] = (byte)value;
        return at;
    }
}
