using System.Buffers;
using static Alluxio.Metastore.Journal.Log.JournalLogFormat;

namespace Alluxio.Metastore.Journal.Log;

public sealed partial class SegmentedJournalLog
{
    /// <inheritdoc />
    public void Append(IReadOnlyList<JournalRecord> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        ThrowIfUnusable();
        if (records.Count == 0)
        {
            return;
        }

        var batchBytes = Validate(records);
        var segment = SegmentFor(batchBytes, records[0].Sequence);
        var start = segment.Length;
        var buffer = ArrayPool<byte>.Shared.Rent((int)batchBytes);
        try
        {
            var used = 0;
            for (var i = 0; i < records.Count; i++)
            {
                used += RecordFrame.Write(buffer.AsSpan(used), records[i].Sequence, (uint)i, records[i].Payload.Span);
            }

            WriteDurably(segment, buffer.AsSpan(0, used), records[0].Sequence, records[^1].Sequence);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        lock (_sync)
        {
            var offset = start;
            foreach (var record in records)
            {
                segment.NoteRecord(record.Sequence, offset);
                offset += RecordFrame.Size(record.Payload.Length);
            }

            segment.LastSequence = records[^1].Sequence;
            segment.Length = offset;
            _lastSequence = records[^1].Sequence;
        }
    }

    /// <summary>Checks contiguity and sizes before anything is written; returns the batch's size on disk.</summary>
    private long Validate(IReadOnlyList<JournalRecord> records)
    {
        long bytes = 0;
        for (var i = 0; i < records.Count; i++)
        {
            var expected = _lastSequence + 1 + i;
            if (records[i].Sequence != expected)
            {
                throw new ArgumentException(i == 0
                    ? $"The batch must start at sequence {expected} (the log ends at {_lastSequence}), but its first record has sequence {records[0].Sequence}. Nothing was written."
                    : $"The batch must be contiguous: record {i} has sequence {records[i].Sequence}, expected {expected}. Nothing was written.", nameof(records));
            }

            if (records[i].Payload.Length > MaxPayloadLength)
            {
                throw new ArgumentException($"Record {records[i].Sequence} has a {records[i].Payload.Length}-byte payload; at most {MaxPayloadLength} bytes are allowed. Nothing was written.", nameof(records));
            }

            bytes += RecordFrame.Size(records[i].Payload.Length);
        }

        if (bytes > Array.MaxLength)
        {
            throw new ArgumentException($"The batch takes {bytes} bytes, more than one write can hold; split it. Nothing was written.", nameof(records));
        }

        return bytes;
    }

    /// <summary>The segment the batch goes into: the newest one, or a new one when the batch would overfill it.</summary>
    private JournalSegment SegmentFor(long batchBytes, long firstSequence)
    {
        var current = _segments[^1];
        if (current.IsEmpty || current.Length + batchBytes <= _segmentSize)
        {
            return current;
        }

        var path = Path.Combine(_directory, SegmentFileName(firstSequence));
        IJournalFile next;
        try
        {
            var temporary = SegmentFiles.WriteTemporary(_fileSystem, path, new SegmentHeader(firstSequence, _epoch), _fsync);
            SegmentFiles.Publish(_fileSystem, temporary, path, _fsync);
            next = _fileSystem.OpenReadWrite(path);
        }
        catch (Exception e) when (IsIOFailure(e))
        {
            RemoveUnusedSegment(path, e);
            throw new JournalLogException($"Could not start the journal segment '{path}': {e.Message}. The batch was not written; the log remains usable.", e);
        }

        _active!.Dispose();
        _active = next;
        var segment = new JournalSegment(path, firstSequence, _epoch);
        lock (_sync)
        {
            _segments.Add(segment);
        }

        return segment;
    }

    /// <summary>
    /// Deletes a segment whose creation failed halfway: an empty segment the log does not know about would become a gap
    /// after a later TruncateSuffix. If even that fails, the log faults.
    /// </summary>
    private void RemoveUnusedSegment(string path, Exception cause)
    {
        try
        {
            _fileSystem.Delete(path);
            if (_fsync)
            {
                _fileSystem.SyncDirectory(_directory);
            }
        }
        catch (Exception e) when (IsIOFailure(e))
        {
            throw Fault($"Could not start the journal segment '{path}' ({cause.Message}) nor remove it again ({e.Message})", new AggregateException(cause, e));
        }
    }

    /// <summary>Writes the batch at the segment's end and fsyncs; on failure cuts the partial write off again.</summary>
    private void WriteDurably(JournalSegment segment, ReadOnlySpan<byte> batch, long first, long last)
    {
        var start = segment.Length;
        try
        {
            _active!.Write(batch, start);
            if (_fsync)
            {
                _active.Flush();
            }
        }
        catch (Exception e) when (IsIOFailure(e))
        {
            var failure = $"Appending records {first}..{last} to '{segment.Path}' failed: {e.Message}";
            try
            {
                _active!.SetLength(start);
                if (_fsync)
                {
                    _active.Flush();
                }
            }
            catch (Exception undo) when (IsIOFailure(undo))
            {
                throw Fault($"{failure}; cutting the partial write off again also failed: {undo.Message}", new AggregateException(e, undo));
            }

            throw new JournalLogException($"{failure}. The partial write was cut off again: the batch is not visible and the log remains usable.", e);
        }
    }
}
