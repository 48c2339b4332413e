namespace Alluxio.Ufs;

/// <summary>The path (or, where stated, its parent) does not exist.</summary>
public class UfsNotFoundException : UfsException
{
    /// <summary>Creates the exception.</summary>
    public UfsNotFoundException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with its cause.</summary>
    public UfsNotFoundException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
