namespace Alluxio.Metastore.Journal;

/// <summary>
/// The journal cannot accept entries (disk full, I/O error, or the committer stopped after a failure it cannot
/// recover from in process). Nothing submitted with this error was applied.
/// </summary>
public sealed class JournalUnavailableException : Exception
{
    public JournalUnavailableException(string message)
        : base(message)
    {
    }

    public JournalUnavailableException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
