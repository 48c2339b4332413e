using System.Buffers.Binary;
using Alluxio.Runtime.Hashing;
using static Alluxio.Metastore.Journal.Log.JournalLogFormat;

namespace Alluxio.Metastore.Journal.Log;

/// <summary>The fixed header at the start of every segment file (layout in <see cref="JournalLogFormat"/>).</summary>
/// <param name="FirstSequence">The sequence of the segment's first record.</param>
/// <param name="Epoch">The log's epoch when the segment was created (raised by every reset).</param>
internal readonly record struct SegmentHeader(long FirstSequence, long Epoch)
{
    /// <summary>Writes the header into the first <see cref="JournalLogFormat.HeaderSize"/> bytes of <paramref name="destination"/>.</summary>
    public void Write(Span<byte> destination)
    {
        var header = destination[..HeaderSize];
        BinaryPrimitives.WriteUInt32LittleEndian(header, SegmentMagic);
        BinaryPrimitives.WriteUInt32LittleEndian(header[4..], FormatVersion);
        BinaryPrimitives.WriteInt64LittleEndian(header[8..], FirstSequence);
        BinaryPrimitives.WriteInt64LittleEndian(header[16..], Epoch);
        BinaryPrimitives.WriteUInt32LittleEndian(header[24..], 0);
        BinaryPrimitives.WriteUInt32LittleEndian(header[28..], Crc32C.Compute(header[..28]));
    }

    /// <summary>Decodes a header; on failure <paramref name="problem"/> says what is wrong.</summary>
    public static bool TryRead(ReadOnlySpan<byte> source, out SegmentHeader header, out string problem)
    {
        header = default;
        if (source.Length < HeaderSize)
        {
            problem = $"the segment header is incomplete ({source.Length} of {HeaderSize} bytes)";
            return false;
        }

        var magic = BinaryPrimitives.ReadUInt32LittleEndian(source);
        if (magic != SegmentMagic)
        {
            problem = $"bad segment magic 0x{magic:X8}";
            return false;
        }

        if (BinaryPrimitives.ReadUInt32LittleEndian(source[28..]) != Crc32C.Compute(source[..28]))
        {
            problem = "the segment header's CRC does not match";
            return false;
        }

        var version = BinaryPrimitives.ReadUInt32LittleEndian(source[4..]);
        if (version != FormatVersion)
        {
            problem = $"unsupported journal format version {version} (this build reads version {FormatVersion})";
            return false;
        }

        header = new SegmentHeader(BinaryPrimitives.ReadInt64LittleEndian(source[8..]), BinaryPrimitives.ReadInt64LittleEndian(source[16..]));
        problem = "";
        return true;
    }
}
