using Alluxio.Grpc.Protocol;

namespace Alluxio.Grpc.Server;

/// <summary>
/// A response stream that also takes messages already in serialized form, written straight into the transport's
/// buffer: for a handler that streams bulk bytes (a block's chunks) and would otherwise copy them into a message
/// only to have it serialized again. The server's <see cref="IServerStreamWriter{T}"/> implements it; handlers fall
/// back to <see cref="IAsyncStreamWriter{T}.WriteAsync"/> when the writer they are given does not.
/// </summary>
public interface IServerStreamPayloadWriter
{
    /// <summary>
    /// Writes one message of <paramref name="length"/> bytes that <paramref name="fill"/> serializes into the
    /// response buffer (the bytes must be a valid encoding of the stream's message type), with the same flushing,
    /// flow control, compression and cancellation as a message write. When <paramref name="fill"/> throws, nothing is
    /// sent and the exception propagates.
    /// </summary>
    Task WritePayloadAsync(int length, PayloadFill fill, CancellationToken cancellationToken = default);
}
