namespace Alluxio.Ufs;

/// <summary>The target of a create or rename already exists (or a directory is where a file should go).</summary>
public class UfsAlreadyExistsException : UfsException
{
    /// <summary>Creates the exception.</summary>
    public UfsAlreadyExistsException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with its cause.</summary>
    public UfsAlreadyExistsException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
