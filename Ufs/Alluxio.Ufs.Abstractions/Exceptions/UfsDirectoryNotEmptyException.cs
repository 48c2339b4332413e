namespace Alluxio.Ufs;

/// <summary>A non-recursive directory delete met a directory that still has entries.</summary>
public class UfsDirectoryNotEmptyException : UfsException
{
    /// <summary>Creates the exception.</summary>
    public UfsDirectoryNotEmptyException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with its cause.</summary>
    public UfsDirectoryNotEmptyException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
