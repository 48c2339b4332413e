namespace Alluxio.Ufs;

/// <summary>The under file system itself is down or unreachable (its root is missing, a network file system stopped answering, an object store endpoint is unreachable). Callers may retry later; the path itself may be fine.</summary>
public class UfsUnavailableException : UfsException
{
    /// <summary>Creates the exception.</summary>
    public UfsUnavailableException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with its cause.</summary>
    public UfsUnavailableException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
