namespace Alluxio.Ufs;

/// <summary>A directory was required (list, delete directory, a parent component) but the path is a file.</summary>
public class UfsNotADirectoryException : UfsException
{
    /// <summary>Creates the exception.</summary>
    public UfsNotADirectoryException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with its cause.</summary>
    public UfsNotADirectoryException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
