namespace Alluxio.Grains.Exceptions;

/// <summary>No room: the worker's tiers are full of blocks that may not be evicted (pinned, being read or written).</summary>
public sealed class ResourceExhaustedException(string message) : AlluxioException(AlluxioStatus.ResourceExhausted, message);
