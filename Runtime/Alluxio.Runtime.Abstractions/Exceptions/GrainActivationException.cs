namespace Alluxio.Runtime;

/// <summary>A grain could not be activated (no implementation, constructor or OnActivateAsync failure). The inner exception is the cause.</summary>
public class GrainActivationException : OrleansException
{
    /// <summary>Creates the exception.</summary>
    public GrainActivationException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a cause.</summary>
    public GrainActivationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
