namespace Alluxio.Metastore.Journal.Log;

/// <summary>
/// What the log knows about one segment file: its sequence range, its durable length and a sparse index of record
/// offsets. Mutated only by the writer while holding the log's lock; readers query it under the same lock.
/// </summary>
internal sealed class JournalSegment
{
    /// <summary>An index entry is added at most every this many bytes, so a lookup scans at most this much.</summary>
    public const long IndexInterval = 64 * 1024;

    private readonly List<(long Sequence, long Offset)> _index = [];

    public JournalSegment(string path, long firstSequence, long epoch)
    {
        Path = path;
        FirstSequence = firstSequence;
        Epoch = epoch;
        LastSequence = firstSequence - 1;
        Length = JournalLogFormat.HeaderSize;
    }

    public string Path { get; }

    public long FirstSequence { get; }

    public long Epoch { get; }

    /// <summary>The newest durable record in the segment; <see cref="FirstSequence"/> - 1 while it is empty.</summary>
    public long LastSequence { get; set; }

    /// <summary>The end of the durable, valid content (header and whole records); appends go here.</summary>
    public long Length { get; set; }

    public bool IsEmpty => LastSequence < FirstSequence;

    /// <summary>Notes that record <paramref name="sequence"/> starts at <paramref name="offset"/> (records are noted in order).</summary>
    public void NoteRecord(long sequence, long offset)
    {
        if (_index.Count == 0 || offset - _index[^1].Offset >= IndexInterval)
        {
            _index.Add((sequence, offset));
        }
    }

    /// <summary>An offset at or before the start of record <paramref name="sequence"/> from which to scan forward.</summary>
    public long FindScanStart(long sequence)
    {
        int low = 0, high = _index.Count - 1, found = -1;
        while (low <= high)
        {
            var mid = (low + high) >>> 1;
            if (_index[mid].Sequence <= sequence)
            {
                found = mid;
                low = mid + 1;
            }
            else
            {
                high = mid - 1;
            }
        }

        return found < 0 ? JournalLogFormat.HeaderSize : _index[found].Offset;
    }

    /// <summary>Forgets the records after <paramref name="lastSequence"/>, the segment now ending at <paramref name="length"/>.</summary>
    public void Cut(long lastSequence, long length)
    {
        _index.RemoveAll(e => e.Sequence > lastSequence);
        LastSequence = lastSequence;
        Length = length;
    }
}
