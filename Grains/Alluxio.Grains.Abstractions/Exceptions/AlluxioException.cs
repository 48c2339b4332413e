namespace Alluxio.Grains.Exceptions;

/// <summary>Base of the product's errors: a status (how to react) and a one-line reason (what to tell the user).</summary>
public class AlluxioException : Exception
{
    public AlluxioException(AlluxioStatus status, string message)
        : base(message)
    {
        Status = status;
    }

    public AlluxioException(AlluxioStatus status, string message, Exception innerException)
        : base(message, innerException)
    {
        Status = status;
    }

    /// <summary>The kind of error.</summary>
    public AlluxioStatus Status { get; }

    /// <summary>Creates the exception type that belongs to <paramref name="status"/> (used on the client side of the wire).</summary>
    public static AlluxioException FromStatus(AlluxioStatus status, string message) => status switch
    {
        AlluxioStatus.NotFound => new FileDoesNotExistException(message),
        AlluxioStatus.AlreadyExists => new FileAlreadyExistsException(message),
        AlluxioStatus.InvalidArgument => new InvalidArgumentException(message),
        AlluxioStatus.PermissionDenied => new AccessControlException(message),
        AlluxioStatus.FailedPrecondition => new FailedPreconditionException(message),
        AlluxioStatus.Unavailable => new UnavailableException(message),
        AlluxioStatus.ResourceExhausted => new ResourceExhaustedException(message),
        AlluxioStatus.DataLoss => new DataLossException(message),
        _ => new AlluxioException(status, message),
    };
}

/// <summary>The path does not exist (in Alluxio or, after a sync, in the UFS).</summary>
public sealed class FileDoesNotExistException(string message) : AlluxioException(AlluxioStatus.NotFound, message);

/// <summary>The path exists already.</summary>
public sealed class FileAlreadyExistsException(string message) : AlluxioException(AlluxioStatus.AlreadyExists, message);

/// <summary>An argument is malformed or out of range. (On the client side of the wire every INVALID_ARGUMENT becomes this type.)</summary>
public class InvalidArgumentException(string message) : AlluxioException(AlluxioStatus.InvalidArgument, message);

/// <summary>The path is malformed, or the operation is invalid for it (a rename across mounts, a path escaping its mount).</summary>
public sealed class InvalidPathException(string message) : InvalidArgumentException(message);

/// <summary>The caller lacks the permission.</summary>
public sealed class AccessControlException(string message) : AlluxioException(AlluxioStatus.PermissionDenied, message);

/// <summary>The state forbids it: directory not empty, read-only mount, a mount point in the way.</summary>
public class FailedPreconditionException(string message) : AlluxioException(AlluxioStatus.FailedPrecondition, message);

/// <summary>A non-recursive delete of a directory that has children.</summary>
public sealed class DirectoryNotEmptyException(string message) : FailedPreconditionException(message);

/// <summary>A dependency is unavailable (the UFS, the journal); retrying later may succeed.</summary>
public sealed class UnavailableException : AlluxioException
{
    public UnavailableException(string message)
        : base(AlluxioStatus.Unavailable, message)
    {
    }

    public UnavailableException(string message, Exception innerException)
        : base(AlluxioStatus.Unavailable, message, innerException)
    {
    }
}
