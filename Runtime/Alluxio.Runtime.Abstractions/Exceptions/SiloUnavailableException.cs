namespace Alluxio.Runtime;

/// <summary>The silo hosting (or chosen to host) the target grain is unreachable or dead; the call was not executed there.</summary>
public class SiloUnavailableException : OrleansException
{
    /// <summary>Creates the exception.</summary>
    public SiloUnavailableException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a cause.</summary>
    public SiloUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
