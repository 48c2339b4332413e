namespace Alluxio.Metastore.Journal.Log;

/// <summary>
/// The journal is damaged somewhere recovery must not repair silently: a bad record followed by records of a later
/// (already acknowledged) batch, a damaged segment header, a gap between segments. Opening fails; an operator decides
/// (restore from a backup, or cut the log by hand).
/// </summary>
public sealed class JournalCorruptedException : JournalLogException
{
    /// <summary>Creates the exception for damage in <paramref name="filePath"/> at byte <paramref name="offset"/>.</summary>
    public JournalCorruptedException(string filePath, long offset, string detail)
        : base($"Journal segment '{filePath}' is corrupted at offset {offset}: {detail}")
    {
        FilePath = filePath;
        Offset = offset;
    }

    /// <summary>The damaged segment file.</summary>
    public string FilePath { get; }

    /// <summary>The byte offset of the damage in <see cref="FilePath"/>.</summary>
    public long Offset { get; }
}
