namespace Alluxio.Metastore.Checkpoints;

/// <summary>A checkpoint on disk: the store as of journal sequence <see cref="Sequence"/>.</summary>
public sealed record CheckpointInfo(long Sequence, string Directory);
