using Alluxio.Runtime;

namespace Alluxio.Grains.FileSystem;

/// <summary>A file waiting to be persisted: attempts so far, when the next one runs, and why the last one failed.</summary>
[Immutable]
public sealed record PendingPersistInfo(string Path, long FileId, int Attempts, DateTimeOffset NextAttempt, string? LastError);
