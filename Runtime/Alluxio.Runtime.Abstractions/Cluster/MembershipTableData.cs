namespace Alluxio.Runtime.Cluster;

/// <summary>A consistent snapshot of the membership table: rows with their ETags and the table version.</summary>
public sealed record MembershipTableData(IReadOnlyList<(MembershipEntry Entry, string ETag)> Members, TableVersion Version);
