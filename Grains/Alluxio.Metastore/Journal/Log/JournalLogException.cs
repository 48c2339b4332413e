namespace Alluxio.Metastore.Journal.Log;

/// <summary>A journal log operation failed; the message carries the operating system's error text when I/O failed.</summary>
public class JournalLogException : Exception
{
    /// <summary>Creates the exception.</summary>
    public JournalLogException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public JournalLogException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the underlying failure.</summary>
    public JournalLogException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
