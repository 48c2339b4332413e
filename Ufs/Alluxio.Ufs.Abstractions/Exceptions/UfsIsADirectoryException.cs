namespace Alluxio.Ufs;

/// <summary>A file was required (open, delete file) but the path is a directory.</summary>
public class UfsIsADirectoryException : UfsException
{
    /// <summary>Creates the exception.</summary>
    public UfsIsADirectoryException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with its cause.</summary>
    public UfsIsADirectoryException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
