using System.Globalization;

namespace Alluxio.Metastore.Journal.Log;

/// <summary>
/// The on-disk format of the journal log — the one place it is described. PERSISTED: append-only; never renumber,
/// reorder or reuse a field, the magic or a version. A new layout gets a new <see cref="FormatVersion"/> and readers
/// keep reading the old ones. <c>JournalLogFormatTests</c> pins the bytes.
/// </summary>
/// <remarks>
/// <para>
/// A log is a directory of segment files named <c>&lt;first sequence, 20 decimal digits&gt;.log</c>, plus
/// <c>journal.lock</c> (held exclusively while open). All integers are little-endian. CRC32C is the Castagnoli CRC
/// (initial value and final XOR 0xFFFFFFFF; the CRC of "123456789" is 0xE3069283).
/// </para>
/// <para>Segment header, 32 bytes at offset 0:</para>
/// <code>
///  0  u32  magic 0x4C4A5841 (the bytes "AXJL")
///  4  u32  format version (1)
///  8  i64  first sequence of the segment (equals the file name)
/// 16  i64  epoch: 1 for a new log, +1 at every Reset; segments of a lower epoch are leftovers of a reset and deleted
/// 24  u32  reserved, 0
/// 28  u32  CRC32C of bytes 0..27
/// </code>
/// <para>Then records, back to back (20 + n bytes each):</para>
/// <code>
///  0  u32  payload length n (at most MaxPayloadLength)
///  4  i64  sequence (the segment's first sequence for its first record, then +1 each)
/// 12  u32  batch index: the record's position in the Append call that wrote it (0 for its first record)
/// 16  n    payload
/// 16+n u32 CRC32C of bytes 0..16+n-1 (length, sequence, batch index, payload)
/// </code>
/// <para>
/// Rules that recovery relies on. A segment is created as <c>&lt;name&gt;.log.tmp</c>, its header fsync'd, then renamed
/// and the directory fsync'd, so a segment file always has a durable header. A batch (one Append) is one write into one
/// segment, never spanning two, and is fsync'd before the next batch is written; hence only the last batch of the last
/// segment can be torn by a crash. The batch index tells batches apart: a bad record followed only by valid records of
/// its own batch (the disk persisted pages out of order before the fsync returned) is a torn tail and is cut; a bad
/// record followed by a valid record of a LATER batch is corruption of acknowledged data and opening fails. Zeros after
/// the last record (a file extended but not written) read as a bad record (sequence 0) and are cut as a torn tail.
/// </para>
/// </remarks>
internal static class JournalLogFormat
{
    /// <summary>The bytes "AXJL" read as a little-endian u32.</summary>
    public const uint SegmentMagic = 0x4C4A5841;

    /// <summary>The format version written by this code.</summary>
    public const uint FormatVersion = 1;

    /// <summary>Bytes of the segment header.</summary>
    public const int HeaderSize = 32;

    /// <summary>Bytes before the payload: length, sequence, batch index.</summary>
    public const int RecordHeaderSize = 16;

    /// <summary>Bytes of framing per record: header and CRC.</summary>
    public const int RecordOverhead = RecordHeaderSize + 4;

    /// <summary>The largest payload accepted (64 MiB); a larger length field is treated as damage.</summary>
    public const int MaxPayloadLength = 64 << 20;

    /// <summary>The segment file extension.</summary>
    public const string SegmentExtension = ".log";

    /// <summary>Appended to a segment's name while it is being created.</summary>
    public const string TemporarySuffix = ".tmp";

    /// <summary>The lock file held exclusively while the log is open.</summary>
    public const string LockFileName = "journal.lock";

    private const int NameDigits = 20;

    /// <summary>The file name of the segment starting at <paramref name="firstSequence"/>.</summary>
    public static string SegmentFileName(long firstSequence) =>
        firstSequence.ToString("D20", CultureInfo.InvariantCulture) + SegmentExtension;

    /// <summary>Parses a segment file name (exactly 20 digits + ".log"); other names are not segments.</summary>
    public static bool TryParseSegmentFileName(string fileName, out long firstSequence)
    {
        firstSequence = 0;
        if (fileName.Length != NameDigits + SegmentExtension.Length || !fileName.EndsWith(SegmentExtension, StringComparison.Ordinal))
        {
            return false;
        }

        var digits = fileName.AsSpan(0, NameDigits);
        foreach (var c in digits)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }
        }

        return long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out firstSequence) && firstSequence >= 1;
    }
}
