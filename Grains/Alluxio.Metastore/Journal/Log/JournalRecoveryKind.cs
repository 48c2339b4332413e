namespace Alluxio.Metastore.Journal.Log;

/// <summary>What recovery repaired while opening a journal log.</summary>
public enum JournalRecoveryKind
{
    /// <summary>The newest segment ended in a torn or corrupt tail (a partial record, a bad CRC, zeros), which was cut off.</summary>
    TornTailTruncated = 1,

    /// <summary>A temporary segment file left by an interrupted segment creation or reset was deleted.</summary>
    TemporaryFileDeleted = 2,

    /// <summary>A segment from before a completed <see cref="IJournalLog.Reset"/> (a lower epoch) was deleted.</summary>
    StaleSegmentDeleted = 3,
}
