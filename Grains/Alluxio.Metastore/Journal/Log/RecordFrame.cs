using System.Buffers.Binary;
using Alluxio.Runtime.Hashing;
using static Alluxio.Metastore.Journal.Log.JournalLogFormat;

namespace Alluxio.Metastore.Journal.Log;

/// <summary>Encodes and decodes one record frame (layout in <see cref="JournalLogFormat"/>).</summary>
internal static class RecordFrame
{
    /// <summary>The bytes a record with a payload of <paramref name="payloadLength"/> bytes takes on disk.</summary>
    public static int Size(int payloadLength) => RecordOverhead + payloadLength;

    /// <summary>Writes one frame at the start of <paramref name="destination"/>; returns its size.</summary>
    public static int Write(Span<byte> destination, long sequence, uint batchIndex, ReadOnlySpan<byte> payload)
    {
        var size = Size(payload.Length);
        var frame = destination[..size];
        BinaryPrimitives.WriteUInt32LittleEndian(frame, (uint)payload.Length);
        BinaryPrimitives.WriteInt64LittleEndian(frame[4..], sequence);
        BinaryPrimitives.WriteUInt32LittleEndian(frame[12..], batchIndex);
        payload.CopyTo(frame[RecordHeaderSize..]);
        BinaryPrimitives.WriteUInt32LittleEndian(frame[(size - 4)..], Crc32C.Compute(frame[..(size - 4)]));
        return size;
    }

    /// <summary>
    /// Decodes the frame at <paramref name="offset"/>, which must end at or before <paramref name="limit"/>, and checks
    /// its CRC. Returns null when it is intact, otherwise what is wrong (the sequence is not checked here).
    /// </summary>
    public static string? TryDecode(SegmentReadBuffer buffer, long offset, long limit, out int frameSize, out long sequence, out uint batchIndex)
    {
        frameSize = 0;
        sequence = 0;
        batchIndex = 0;
        var header = buffer.Read(offset, RecordHeaderSize, limit);
        if (header.Length < RecordHeaderSize)
        {
            return $"a partial record header ({header.Length} of {RecordHeaderSize} bytes)";
        }

        if (!header.ContainsAnyExcept((byte)0))
        {
            return "zero-filled bytes where a record should start";
        }

        var length = BinaryPrimitives.ReadUInt32LittleEndian(header);
        sequence = BinaryPrimitives.ReadInt64LittleEndian(header[4..]);
        batchIndex = BinaryPrimitives.ReadUInt32LittleEndian(header[12..]);
        if (length > MaxPayloadLength)
        {
            return $"an implausible payload length {length}";
        }

        frameSize = Size((int)length);
        if (offset + frameSize > limit)
        {
            return $"a partial record ({limit - offset} of {frameSize} bytes)";
        }

        var frame = buffer.Read(offset, frameSize, limit);
        var stored = BinaryPrimitives.ReadUInt32LittleEndian(frame[(frameSize - 4)..]);
        var actual = Crc32C.Compute(frame[..(frameSize - 4)]);
        return stored == actual ? null : $"a CRC mismatch (stored 0x{stored:X8}, computed 0x{actual:X8}) in the record claiming sequence {sequence}";
    }
}
