using System.Buffers.Binary;
using static Alluxio.Metastore.Journal.Log.JournalLogFormat;

namespace Alluxio.Metastore.Journal.Log;

/// <summary>Validates a segment's records at open time (the rules are in <see cref="JournalLogFormat"/>).</summary>
internal static class SegmentScanner
{
    /// <summary>
    /// Walks and checks every record of <paramref name="segment"/>, noting each in its index and setting its
    /// <see cref="JournalSegment.LastSequence"/> and <see cref="JournalSegment.Length"/> to the end of the valid prefix.
    /// Returns null when the records run cleanly to the end of the file, otherwise what is wrong at that end.
    /// </summary>
    public static string? Scan(IJournalFile file, JournalSegment segment)
    {
        using var buffer = new SegmentReadBuffer(file);
        var fileLength = file.Length;
        long position = HeaderSize;
        var expected = segment.FirstSequence;
        long previousBatchIndex = -1;
        string? problem = null;
        while (position < fileLength)
        {
            problem = RecordFrame.TryDecode(buffer, position, fileLength, out var size, out var sequence, out var batchIndex);
            if (problem is null && sequence != expected)
            {
                problem = $"sequence {sequence} where {expected} was expected";
            }

            if (problem is null && batchIndex != 0 && batchIndex != previousBatchIndex + 1)
            {
                problem = $"batch index {batchIndex} after {previousBatchIndex} in the record of sequence {sequence}";
            }

            if (problem is not null)
            {
                break;
            }

            segment.NoteRecord(sequence, position);
            position += size;
            expected++;
            previousBatchIndex = batchIndex;
        }

        segment.LastSequence = expected - 1;
        segment.Length = position;
        return problem;
    }

    /// <summary>
    /// Looks past a bad record at <paramref name="badOffset"/> (which should have carried
    /// <paramref name="expectedSequence"/>) for an intact record of a LATER batch: proof that the bad record's batch had
    /// been acknowledged, so the damage is not a torn write. Returns that record's offset, or null when none exists.
    /// Records of the bad record's own batch prove nothing (an unacknowledged batch can persist out of order).
    /// </summary>
    public static long? FindLaterBatch(IJournalFile file, JournalSegment segment, long badOffset, long expectedSequence)
    {
        using var buffer = new SegmentReadBuffer(file);
        var fileLength = file.Length;
        var highestPossible = expectedSequence + ((fileLength - badOffset) / RecordOverhead);
        for (var offset = badOffset + 1; offset + RecordOverhead <= fileLength; offset++)
        {
            var header = buffer.Read(offset, RecordHeaderSize, fileLength);
            var sequence = BinaryPrimitives.ReadInt64LittleEndian(header[4..]);
            if (sequence <= expectedSequence || sequence > highestPossible)
            {
                continue;
            }

            var batchIndex = BinaryPrimitives.ReadUInt32LittleEndian(header[12..]);
            var batchFirst = sequence - batchIndex;
            if (batchFirst <= expectedSequence || batchFirst < segment.FirstSequence)
            {
                continue;
            }

            if (RecordFrame.TryDecode(buffer, offset, fileLength, out _, out _, out _) is null)
            {
                return offset;
            }
        }

        return null;
    }
}
