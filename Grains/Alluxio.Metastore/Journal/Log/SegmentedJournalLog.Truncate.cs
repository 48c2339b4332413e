using static Alluxio.Metastore.Journal.Log.JournalLogFormat;

namespace Alluxio.Metastore.Journal.Log;

public sealed partial class SegmentedJournalLog
{
    /// <inheritdoc />
    public void TruncatePrefix(long upToSequence)
    {
        ThrowIfUnusable();
        var dropped = new List<JournalSegment>();
        lock (_sync)
        {
            // Readers stop finding these segments first; then the files go, oldest first, so a crash midway leaves a
            // contiguous log.
            while (_segments.Count > 1 && _segments[0].LastSequence <= upToSequence)
            {
                dropped.Add(_segments[0]);
                _segments.RemoveAt(0);
            }
        }

        var deleted = 0;
        try
        {
            for (; deleted < dropped.Count; deleted++)
            {
                _fileSystem.Delete(dropped[deleted].Path);
            }

            if (deleted > 0 && _fsync)
            {
                _fileSystem.SyncDirectory(_directory);
            }
        }
        catch (Exception e) when (IsIOFailure(e))
        {
            // Keep memory equal to disk: the files not deleted stay part of the log (a later call retries them).
            lock (_sync)
            {
                _segments.InsertRange(0, dropped.Skip(deleted));
            }

            throw new JournalLogException($"Dropping journal segments up to sequence {upToSequence} failed at '{dropped[Math.Min(deleted, dropped.Count - 1)].Path}': {e.Message}. The log remains usable.", e);
        }
    }

    /// <inheritdoc />
    public void TruncateSuffix(long afterSequence)
    {
        ThrowIfUnusable();
        if (afterSequence >= _lastSequence)
        {
            return;
        }

        var first = _segments[0].FirstSequence;
        if (afterSequence < first - 1)
        {
            throw new ArgumentOutOfRangeException(nameof(afterSequence), afterSequence,
                $"Cannot truncate below the retained prefix: the oldest retained record is {first}; use Reset to start over.");
        }

        // The newest segment that keeps a record (or the oldest one, emptied, when none does).
        var keep = 0;
        for (var i = 1; i < _segments.Count; i++)
        {
            if (_segments[i].FirstSequence <= afterSequence)
            {
                keep = i;
            }
        }

        var boundary = _segments[keep];
        var doomed = _segments.Skip(keep + 1).Reverse().ToList();
        long cutOffset;
        try
        {
            // Found before anything changes, so a damaged record aborts the truncation cleanly.
            cutOffset = afterSequence >= boundary.LastSequence ? boundary.Length : OffsetOf(boundary, afterSequence + 1);
        }
        catch (Exception e) when (IsIOFailure(e))
        {
            throw new JournalLogException($"Truncating the journal log after sequence {afterSequence} failed reading '{boundary.Path}': {e.Message}. Nothing changed.", e);
        }

        try
        {
            if (doomed.Count > 0)
            {
                // Newest first, made durable before the boundary segment is cut: a crash never leaves a gap.
                _active!.Dispose();
                _active = null;
                foreach (var segment in doomed)
                {
                    _fileSystem.Delete(segment.Path);
                }

                if (_fsync)
                {
                    _fileSystem.SyncDirectory(_directory);
                }

                _active = _fileSystem.OpenReadWrite(boundary.Path);
            }

            if (cutOffset != boundary.Length)
            {
                _active!.SetLength(cutOffset);
                if (_fsync)
                {
                    _active.Flush();
                }
            }
        }
        catch (Exception e) when (IsIOFailure(e))
        {
            throw Fault($"Truncating the journal log after sequence {afterSequence} failed: {e.Message}", e);
        }

        lock (_sync)
        {
            _segments.RemoveRange(keep + 1, _segments.Count - keep - 1);
            boundary.Cut(afterSequence, cutOffset);
            _lastSequence = afterSequence;
        }
    }

    /// <inheritdoc />
    public void Reset(long nextSequence)
    {
        ThrowIfUnusable();
        ArgumentOutOfRangeException.ThrowIfLessThan(nextSequence, 1);
        var epoch = _epoch + 1;
        var path = Path.Combine(_directory, SegmentFileName(nextSequence));
        string temporary;
        try
        {
            temporary = SegmentFiles.WriteTemporary(_fileSystem, path, new SegmentHeader(nextSequence, epoch), _fsync);
        }
        catch (Exception e) when (IsIOFailure(e))
        {
            throw new JournalLogException($"Resetting the journal log to sequence {nextSequence} failed: {e.Message}. Nothing changed.", e);
        }

        try
        {
            _active!.Dispose();
            _active = null;

            // The commit point: once the new-epoch segment is in place, recovery deletes every older-epoch segment.
            SegmentFiles.Publish(_fileSystem, temporary, path, _fsync);
            foreach (var segment in _segments.Where(s => s.Path != path))
            {
                _fileSystem.Delete(segment.Path);
            }

            if (_fsync)
            {
                _fileSystem.SyncDirectory(_directory);
            }

            _active = _fileSystem.OpenReadWrite(path);
        }
        catch (Exception e) when (IsIOFailure(e))
        {
            throw Fault($"Resetting the journal log to sequence {nextSequence} failed: {e.Message}", e);
        }

        lock (_sync)
        {
            _segments.Clear();
            _segments.Add(new JournalSegment(path, nextSequence, epoch));
            _lastSequence = nextSequence - 1;
        }

        _epoch = epoch;
    }

    /// <summary>The offset where record <paramref name="sequence"/> (held by <paramref name="segment"/>) starts.</summary>
    private long OffsetOf(JournalSegment segment, long sequence)
    {
        using var file = _fileSystem.OpenRead(segment.Path);
        using var buffer = new SegmentReadBuffer(file);
        var position = segment.FindScanStart(sequence);
        while (position < segment.Length)
        {
            var problem = RecordFrame.TryDecode(buffer, position, segment.Length, out var size, out var found, out _);
            if (problem is not null)
            {
                throw new JournalCorruptedException(segment.Path, position, problem);
            }

            if (found == sequence)
            {
                return position;
            }

            position += size;
        }

        throw new JournalCorruptedException(segment.Path, position, $"record {sequence} is missing from its segment");
    }
}
