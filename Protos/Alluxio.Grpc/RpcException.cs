namespace Alluxio.Grpc;

/// <summary>
/// A call finished with a status other than OK. Thrown by the client for failed calls; thrown by a server handler
/// to end its call with that status (and trailers).
/// </summary>
public class RpcException : Exception
{
    public RpcException(Status status)
        : this(status, new Metadata(), null)
    {
    }

    public RpcException(Status status, string? message)
        : this(status, new Metadata(), message)
    {
    }

    public RpcException(Status status, Metadata trailers, string? message = null)
        : base(message ?? status.ToString(), status.DebugException)
    {
        ArgumentNullException.ThrowIfNull(trailers);
        Status = status;
        Trailers = trailers;
    }

    public Status Status { get; }

    public StatusCode StatusCode => Status.StatusCode;

    /// <summary>Trailing metadata of the call (without grpc-status / grpc-message).</summary>
    public Metadata Trailers { get; }
}
