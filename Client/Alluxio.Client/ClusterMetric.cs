namespace Alluxio.Client;

/// <summary>One metric as <see cref="FileSystem.GetMetricsAsync"/> reports it.</summary>
/// <param name="Name">Alluxio's name, e.g. <c>Cluster.BytesReadAlluxio</c> or <c>Master.FilesCreated</c>.</param>
/// <param name="Counter">A counter (a count since the silo started) rather than a gauge (a value now).</param>
/// <param name="Value">The count, or the gauge's value (bytes for names with Bytes or Capacity in them).</param>
public sealed record ClusterMetric(string Name, bool Counter, long Value);
