using static Alluxio.Metastore.Journal.Log.JournalLogFormat;

namespace Alluxio.Metastore.Journal.Log;

public sealed partial class SegmentedJournalLog
{
    /// <inheritdoc />
    public IEnumerable<JournalRecord> ReadFrom(long fromSequence)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        ArgumentOutOfRangeException.ThrowIfLessThan(fromSequence, 1);
        var first = FirstSequence;
        if (fromSequence < first)
        {
            throw new ArgumentOutOfRangeException(nameof(fromSequence), fromSequence, $"Records before sequence {first} were truncated from the journal log.");
        }

        return Read(fromSequence);
    }

    private IEnumerable<JournalRecord> Read(long next)
    {
        JournalSegment? segment = null;
        IJournalFile? file = null;
        SegmentReadBuffer? buffer = null;
        long position = 0;
        try
        {
            while (Locate(next, segment, position, out var located, out var start, out var end))
            {
                if (!ReferenceEquals(located, segment))
                {
                    buffer?.Dispose();
                    file?.Dispose();
                    file = OpenForReading(located, next);
                    buffer = new SegmentReadBuffer(file);
                    segment = located;
                }

                var before = next;
                position = start;
                while (position < end)
                {
                    ObjectDisposedException.ThrowIf(_disposed, this);
                    var record = ReadRecord(buffer!, segment, position, end, next, out var size);
                    position += size;
                    if (record is { } found)
                    {
                        next++;
                        yield return found;
                    }
                }

                if (next == before)
                {
                    // Locate promised record `next` in [start, end): only a concurrent TruncateSuffix/Reset gets here.
                    throw new JournalLogException($"Record {next} was not found in '{segment.Path}' between offsets {start} and {end}; the log was truncated or reset while being read.");
                }
            }
        }
        finally
        {
            buffer?.Dispose();
            file?.Dispose();
        }
    }

    /// <summary>
    /// Where record <paramref name="next"/> is: its segment, an offset at or before it, and the end of that segment's
    /// durable content. False when <paramref name="next"/> is past the newest durable record.
    /// </summary>
    private bool Locate(long next, JournalSegment? current, long currentPosition, out JournalSegment segment, out long start, out long end)
    {
        lock (_sync)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (next > _lastSequence)
            {
                (segment, start, end) = (null!, 0, 0);
                return false;
            }

            if (next < _segments[0].FirstSequence)
            {
                throw new JournalLogException($"Record {next} was truncated from the journal log while being read (the oldest retained record is now {_segments[0].FirstSequence}).");
            }

            int low = 0, high = _segments.Count - 1;
            while (low < high)
            {
                var mid = (low + high + 1) >>> 1;
                if (_segments[mid].FirstSequence <= next)
                {
                    low = mid;
                }
                else
                {
                    high = mid - 1;
                }
            }

            segment = _segments[low];
            start = ReferenceEquals(segment, current) ? currentPosition : segment.FindScanStart(next);
            end = segment.Length;
            return true;
        }
    }

    private IJournalFile OpenForReading(JournalSegment segment, long next)
    {
        try
        {
            return _fileSystem.OpenRead(segment.Path);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new JournalLogException($"The journal segment '{segment.Path}' holding record {next} was deleted while being read (truncated concurrently).", e);
        }
        catch (Exception e) when (IsIOFailure(e))
        {
            throw new JournalLogException($"Could not open the journal segment '{segment.Path}' for reading: {e.Message}", e);
        }
    }

    /// <summary>Decodes the record at <paramref name="position"/>; null when it precedes <paramref name="next"/> (skipped).</summary>
    private static JournalRecord? ReadRecord(SegmentReadBuffer buffer, JournalSegment segment, long position, long end, long next, out int size)
    {
        string? problem;
        long sequence;
        try
        {
            problem = RecordFrame.TryDecode(buffer, position, end, out size, out sequence, out _);
            if (problem is null && sequence > next)
            {
                problem = $"sequence {sequence} where {next} was expected";
            }

            if (problem is null && sequence == next)
            {
                var payload = buffer.Read(position + RecordHeaderSize, size - RecordOverhead, end).ToArray();
                return new JournalRecord(sequence, payload);
            }
        }
        catch (Exception e) when (IsIOFailure(e))
        {
            throw new JournalLogException($"Reading the journal segment '{segment.Path}' at offset {position} failed: {e.Message}", e);
        }

        return problem is null ? null : throw new JournalCorruptedException(segment.Path, position, problem);
    }
}
