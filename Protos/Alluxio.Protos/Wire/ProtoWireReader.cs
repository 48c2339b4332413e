using System.Runtime.CompilerServices;

namespace Alluxio.Protos.Wire;

/// <summary>
/// The protobuf wire format read by hand, for the few messages read in place rather than parsed into objects
/// (a block chunk, a FileInfo). Every error is an <see cref="InvalidDataException"/> "Malformed {message}: ...",
/// where message names what was being read.
/// </summary>
public static class ProtoWireReader
{
    /// <summary>Reads a base-128 varint at <paramref name="position"/> and moves past it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong ReadVarint(ReadOnlySpan<byte> data, ref int position, string message)
    {
        if ((uint)position < (uint)data.Length && data[position] < 0x80)
        {
            return data[position++];
        }

        return ReadLongVarint(data, ref position, message);
    }

    /// <summary>Reads a length-delimited field's bytes (its length varint, then that many bytes) and moves past them.</summary>
    public static ReadOnlySpan<byte> Slice(ReadOnlySpan<byte> data, ref int position, string message)
    {
        var (start, length) = SliceRange(data, ref position, message);
        return data.Slice(start, length);
    }

    /// <summary>As <see cref="Slice"/>, answering where the field's bytes are instead of the bytes.</summary>
    public static (int Start, int Length) SliceRange(ReadOnlySpan<byte> data, ref int position, string message)
    {
        var length = ReadVarint(data, ref position, message);
        if (length > (ulong)(data.Length - position))
        {
            throw Malformed(message, "a length-delimited field runs past the end");
        }

        var start = position;
        position += (int)length;
        return (start, (int)length);
    }

    /// <summary>Moves past the value of a field this reader does not use; groups (wire types 3 and 4) are refused.</summary>
    public static void Skip(ReadOnlySpan<byte> data, ref int position, int field, int wireType, string message)
    {
        switch (wireType)
        {
            case 0: ReadVarint(data, ref position, message); break;
            case 1: Advance(data, ref position, 8, message); break;
            case 2: SliceRange(data, ref position, message); break;
            case 5: Advance(data, ref position, 4, message); break;
            default: throw Malformed(message, $"field {field} has wire type {wireType}, which {message} never uses");
        }
    }

    /// <summary>The error for malformed bytes of <paramref name="message"/>.</summary>
    public static InvalidDataException Malformed(string message, string what) => new($"Malformed {message}: {what}.");

    private static ulong ReadLongVarint(ReadOnlySpan<byte> data, ref int position, string message)
    {
        ulong value = 0;
        for (var shift = 0; shift < 64; shift += 7)
        {
            if (position >= data.Length)
            {
                throw Malformed(message, "a varint runs past the end");
            }

            var b = data[position++];
            value |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80)
            {
                return value;
            }
        }

        throw Malformed(message, "a varint is longer than 10 bytes");
    }

    private static void Advance(ReadOnlySpan<byte> data, ref int position, int count, string message)
    {
        if (data.Length - position < count)
        {
            throw Malformed(message, "a fixed-size field runs past the end");
        }

        position += count;
    }
}
