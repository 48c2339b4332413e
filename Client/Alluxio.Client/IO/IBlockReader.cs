namespace Alluxio.Client.IO;

/// <summary>
/// One ReadBlock stream as a reader sees it: the bytes of its chunks in order, whatever carries them (the worker's
/// data port, <see cref="DirectBlockReader"/>, or the master connection, <see cref="GrpcBlockReader"/>). Errors are
/// the SDK's exceptions. Not thread-safe.
/// </summary>
internal interface IBlockReader : IDisposable
{
    /// <summary>Where the bytes come from ("MEM", "SSD"... or "UFS"), once the first chunk arrived.</summary>
    string? Source { get; }

    /// <summary>Whether bytes of the current chunk are left (a read now returns them without waiting for another message).</summary>
    bool ChunkPending { get; }

    /// <summary>Reads between 1 and <paramref name="destination"/>'s length bytes; 0 when the stream ended cleanly.</summary>
    ValueTask<int> ReadAsync(Memory<byte> destination, CancellationToken cancellationToken);
}
