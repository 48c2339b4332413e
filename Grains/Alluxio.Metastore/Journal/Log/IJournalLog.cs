namespace Alluxio.Metastore.Journal.Log;

/// <summary>
/// A durable, append-only log of <see cref="JournalRecord"/>s numbered without gaps. Today a local segmented file log
/// (<see cref="SegmentedJournalLog"/>); later a Raft log behind the same contract.
/// </summary>
/// <remarks>
/// Threading: the mutating members (<see cref="Append"/>, <see cref="TruncatePrefix"/>, <see cref="TruncateSuffix"/>,
/// <see cref="Reset"/>, <see cref="IDisposable.Dispose"/>) are NOT thread-safe: one writer (the journal committer)
/// calls them, one at a time. <see cref="ReadFrom"/>, <see cref="FirstSequence"/> and <see cref="LastSequence"/> may be
/// used from other threads at the same time as <see cref="Append"/> and <see cref="TruncatePrefix"/>; a reader running
/// across a <see cref="TruncateSuffix"/> or <see cref="Reset"/> must be discarded by its owner (it may fail or observe
/// either version of the discarded tail).
/// Failure: I/O errors surface as <see cref="JournalLogException"/> carrying the operating system's error text. If a
/// failed operation could not be undone the log turns faulted: every later mutation throws until it is disposed and
/// reopened (reopening runs recovery).
/// </remarks>
public interface IJournalLog : IDisposable
{
    /// <summary>The oldest retained record's sequence; <see cref="LastSequence"/> + 1 when the log holds no record.</summary>
    long FirstSequence { get; }

    /// <summary>The newest durable record's sequence; 0 when the log never held a record (or FirstSequence - 1 after a reset).</summary>
    long LastSequence { get; }

    /// <summary>
    /// Appends <paramref name="records"/> and returns once they are durable (written and fsync'd, and a newly created
    /// segment's directory entry fsync'd). The batch is written with one write and one fsync (group commit).
    /// </summary>
    /// <remarks>
    /// The records must be contiguous: the first has sequence <see cref="LastSequence"/> + 1 and each next one is its
    /// predecessor + 1; otherwise <see cref="ArgumentException"/> is thrown and nothing changes. An empty list is a no-op.
    /// On an I/O failure <see cref="JournalLogException"/> is thrown after the partial write has been cut off again: the
    /// batch is not visible (not to readers now, not after a restart), and the log stays usable. Only if cutting it off
    /// fails too does the log fault; recovery at the next open then cuts a torn record, but whole records of the failed
    /// batch that reached the disk may survive (each is intact and contiguous). Not thread-safe.
    /// </remarks>
    /// <exception cref="ArgumentException">The sequences are not contiguous, or a payload is too large.</exception>
    /// <exception cref="JournalLogException">An I/O failure; the batch is not durable and not visible.</exception>
    void Append(IReadOnlyList<JournalRecord> records);

    /// <summary>
    /// Reads the durable records with <c>Sequence &gt;= fromSequence</c>, in order, lazily. Safe while
    /// <see cref="Append"/> runs on another thread: the enumeration yields only records that were durable when it reached
    /// them, and it ends at the newest record durable at that moment. Each payload is a fresh copy owned by the caller.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="fromSequence"/> is below 1 or below <see cref="FirstSequence"/> (those records were truncated).</exception>
    /// <exception cref="JournalCorruptedException">A record failed validation while being read (thrown during enumeration).</exception>
    IEnumerable<JournalRecord> ReadFrom(long fromSequence);

    /// <summary>
    /// Drops whole segments whose records all have <c>Sequence &lt;= upToSequence</c> (after a checkpoint covering them).
    /// Never drops a record above <paramref name="upToSequence"/> and never the active (newest) segment, so
    /// <see cref="FirstSequence"/> may stay below <c>upToSequence + 1</c>. Oldest segments go first, so a crash midway
    /// leaves a contiguous log. Not thread-safe with other mutations; safe alongside readers (a reader already inside a
    /// dropped segment finishes it, then fails with <see cref="JournalLogException"/>).
    /// </summary>
    /// <exception cref="JournalLogException">An I/O failure; the segments not deleted stay part of the log.</exception>
    void TruncatePrefix(long upToSequence);

    /// <summary>
    /// Drops the records with <c>Sequence &gt; afterSequence</c> (Raft: a follower discards an uncommitted tail); durable
    /// on return, and the next append continues at <c>afterSequence + 1</c>. A no-op when nothing is above it.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="afterSequence"/> is below <see cref="FirstSequence"/> - 1 (use <see cref="Reset"/>).</exception>
    /// <exception cref="JournalLogException">An I/O failure; the log is faulted (reopen it).</exception>
    void TruncateSuffix(long afterSequence);

    /// <summary>
    /// Replaces the whole log with an empty one whose next record is <paramref name="nextSequence"/> (restore from a backup
    /// or snapshot taken at <c>nextSequence - 1</c>). Atomic across crashes: after a restart the log is either the old
    /// one or the empty new one.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="nextSequence"/> is below 1.</exception>
    /// <exception cref="JournalLogException">An I/O failure: before the commit point nothing changed; after it the log is faulted and reopening completes the reset.</exception>
    void Reset(long nextSequence);
}
