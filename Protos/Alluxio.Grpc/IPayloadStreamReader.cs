namespace Alluxio.Grpc;

/// <summary>
/// The response messages of a streaming call as serialized bytes, not parsed: for a reader that takes bulk bytes out
/// of a message (a block's chunks) and would otherwise have them copied into the parsed message first. It reads the
/// same stream as the call's <see cref="IAsyncStreamReader{T}"/>; use one or the other for each message.
/// </summary>
public interface IPayloadStreamReader
{
    /// <summary>
    /// The serialized message read by the last successful <see cref="MoveNextPayload"/> (decompressed when it came
    /// compressed). Valid only until the next read or until the call is disposed: copy out what is kept.
    /// </summary>
    ReadOnlyMemory<byte> CurrentPayload { get; }

    /// <summary>
    /// Reads the next message without parsing it; false at the end of the stream. Fails, cancels and finishes the
    /// call exactly as <see cref="IAsyncStreamReader{T}.MoveNext"/> does. Not safe to call concurrently.
    /// </summary>
    Task<bool> MoveNextPayload(CancellationToken cancellationToken);
}
