namespace Alluxio.Runtime;

/// <summary>Base of the grain runtime's own exceptions (named as in Orleans, so callers' catch blocks carry over).</summary>
public class OrleansException : Exception
{
    /// <summary>Creates the exception.</summary>
    public OrleansException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public OrleansException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and cause.</summary>
    public OrleansException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
