namespace Alluxio.Grpc;

/// <summary>A stream of incoming messages, read one at a time.</summary>
/// <typeparam name="T">The message type.</typeparam>
public interface IAsyncStreamReader<out T>
{
    /// <summary>The message read by the last successful <see cref="MoveNext"/>.</summary>
    T Current { get; }

    /// <summary>
    /// Reads the next message; false at the end of the stream. A failed call surfaces here as <see cref="RpcException"/>.
    /// Cancelling <paramref name="cancellationToken"/> cancels the whole call. Not safe to call concurrently.
    /// </summary>
    Task<bool> MoveNext(CancellationToken cancellationToken);
}
