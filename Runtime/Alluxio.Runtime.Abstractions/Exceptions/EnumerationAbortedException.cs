namespace Alluxio.Runtime;

/// <summary>A grain's <see cref="IAsyncEnumerable{T}"/> result can no longer be read: its activation went away or the enumerator expired.</summary>
public class EnumerationAbortedException : OrleansException
{
    /// <summary>Creates the exception.</summary>
    public EnumerationAbortedException(string message)
        : base(message)
    {
    }
}
