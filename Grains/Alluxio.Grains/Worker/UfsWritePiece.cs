namespace Alluxio.Grains.Worker;

/// <summary>
/// One piece of a file written to the UFS through the worker: bytes the client sent, or (CACHE_THROUGH) the id of one
/// of the file's blocks already committed on this worker, whose bytes the worker appends itself.
/// </summary>
public readonly record struct UfsWritePiece(ReadOnlyMemory<byte> Bytes, long? BlockId = null);
