namespace Alluxio.Grpc;

/// <summary>A stream of outgoing messages.</summary>
/// <typeparam name="T">The message type.</typeparam>
public interface IAsyncStreamWriter<in T>
{
    /// <summary>
    /// Sends one message. The task completes once the message is handed to the transport within its flow-control
    /// window, so awaiting each write bounds the memory a fast writer can use. Only one write may be pending at a time.
    /// </summary>
    Task WriteAsync(T message, CancellationToken cancellationToken = default);
}
