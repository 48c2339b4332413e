using Alluxio.Runtime;

namespace Alluxio.Grains.Persistence;

/// <summary>A file waiting to be persisted: attempts so far, the next one, and the last failure's reason.</summary>
[Immutable]
public sealed record PendingPersist(long FileId, int Attempts, DateTimeOffset NextAttempt, string? LastError);
