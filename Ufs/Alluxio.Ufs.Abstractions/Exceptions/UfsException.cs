namespace Alluxio.Ufs;

/// <summary>
/// Base of the errors an <see cref="IUnderFileSystem"/> reports (an <see cref="IOException"/>, so callers that handle
/// I/O failures in general keep working). Connectors translate their native errors into this type or one of its
/// subclasses; anything else escaping a connector is a bug, except <see cref="UfsPathException"/> (bad arguments),
/// <see cref="ArgumentException"/>s and <see cref="OperationCanceledException"/>.
/// </summary>
public class UfsException : IOException
{
    /// <summary>Creates the exception.</summary>
    public UfsException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with its cause.</summary>
    public UfsException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The mount-relative path the failure concerns, when there is one.</summary>
    public string? Path { get; init; }
}
