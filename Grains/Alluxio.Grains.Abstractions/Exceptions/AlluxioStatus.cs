namespace Alluxio.Grains.Exceptions;

/// <summary>
/// The kind of an error, as Alluxio reports it; each maps to one gRPC status code (values equal gRPC's), so the error
/// crosses the wire and comes back as the same exception type.
/// </summary>
public enum AlluxioStatus
{
    Unknown = 2,
    InvalidArgument = 3,
    DeadlineExceeded = 4,
    NotFound = 5,
    AlreadyExists = 6,
    PermissionDenied = 7,
    ResourceExhausted = 8,
    FailedPrecondition = 9,
    Aborted = 10,
    Unimplemented = 12,
    Internal = 13,
    Unavailable = 14,
    DataLoss = 15,
}
