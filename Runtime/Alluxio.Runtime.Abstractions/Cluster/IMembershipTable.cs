namespace Alluxio.Runtime.Cluster;

/// <summary>
/// The shared record of which silos exist and their status (Orleans' contract). Every change is a compare-and-swap:
/// <see cref="InsertRow"/> and <see cref="UpdateRow"/> succeed only if the table version presented is exactly one
/// more than the stored version (and, for updates, the row ETag matches); otherwise they return false and change
/// nothing. <see cref="UpdateIAmAlive"/> only touches the heartbeat column and needs no version. Implementations:
/// in memory (one process), journal-backed, PostgreSQL.
/// </summary>
public interface IMembershipTable
{
    /// <summary>Creates the table if needed; <paramref name="tryInitTableVersion"/> inserts the version row.</summary>
    Task InitializeMembershipTable(bool tryInitTableVersion);

    /// <summary>Deletes every row of a cluster (administrative reset).</summary>
    Task DeleteMembershipTableEntries(string clusterId);

    /// <summary>Removes Dead rows whose heartbeat is older than <paramref name="beforeDate"/>.</summary>
    Task CleanupDefunctSiloEntries(DateTimeOffset beforeDate);

    /// <summary>One silo's row (empty when absent) and the table version.</summary>
    Task<MembershipTableData> ReadRow(SiloAddress key);

    /// <summary>Every row and the table version.</summary>
    Task<MembershipTableData> ReadAll();

    /// <summary>Inserts a row if absent and the version is the next one.</summary>
    Task<bool> InsertRow(MembershipEntry entry, TableVersion tableVersion);

    /// <summary>Updates a row if its ETag matches and the version is the next one.</summary>
    Task<bool> UpdateRow(MembershipEntry entry, string etag, TableVersion tableVersion);

    /// <summary>Updates only the heartbeat time of the row.</summary>
    Task UpdateIAmAlive(MembershipEntry entry);
}
