namespace Alluxio.Client.IO;

/// <summary>
/// A client-streaming block rpc as a writer sees it (WriteBlock, WriteUfsFile): small messages, messages that carry a
/// chunk of bytes, then the single response. Over the worker's data port (<see cref="DirectChunkStream{TRequest, TResponse}"/>)
/// a chunk goes from the caller's memory to the socket; over the master connection (<see cref="GrpcChunkStream{TRequest, TResponse}"/>)
/// it is serialized into a message. When the worker ends the call early (no room, a failing disk or UFS), a write
/// fails with the worker's reason. Errors are the SDK's exceptions. Disposing an uncompleted stream cancels it (the
/// worker aborts what it was writing).
/// </summary>
internal interface IChunkStream<TRequest, TResponse> : IDisposable
{
    /// <summary>Writes a message without bulk bytes (a command, a block id).</summary>
    ValueTask WriteAsync(TRequest message, CancellationToken cancellationToken);

    /// <summary>Writes a message whose chunk field holds <paramref name="chunk"/>; the memory is free again once this completes.</summary>
    ValueTask WriteChunkAsync(ReadOnlyMemory<byte> chunk, CancellationToken cancellationToken);

    /// <summary>Ends the request and returns the worker's response.</summary>
    ValueTask<TResponse> CompleteAsync(CancellationToken cancellationToken);
}
