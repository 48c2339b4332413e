using Microsoft.Extensions.Logging;

namespace Alluxio.Runtime.Cluster;

/// <summary>
/// Membership for a single silo: records itself in the <see cref="IMembershipTable"/> (Joining, then Active, then Dead
/// on shutdown) with the table's compare-and-swap protocol, and considers only itself alive.
/// </summary>
internal sealed partial class SingleSiloStatusOracle(IMembershipTable table, ILocalSiloDetails silo, TimeProvider time, ILogger<SingleSiloStatusOracle> logger)
    : ISiloStatusOracle
{
    private volatile SiloStatus _status = SiloStatus.Created;

    public SiloAddress LocalSilo => silo.SiloAddress;

    public SiloStatus CurrentStatus => _status;

    public IReadOnlyList<(SiloAddress Silo, IReadOnlyList<string> Roles)> ActiveSilos =>
        _status is SiloStatus.Active or SiloStatus.Joining ? [(silo.SiloAddress, silo.Roles)] : [];

    public SiloStatus GetStatus(SiloAddress address) => address.Equals(silo.SiloAddress) ? _status : SiloStatus.None;

    public async Task JoinAsync()
    {
        await table.InitializeMembershipTable(tryInitTableVersion: true);
        await WriteStatusAsync(SiloStatus.Joining);
        await WriteStatusAsync(SiloStatus.Active);
    }

    public async Task LeaveAsync()
    {
        await WriteStatusAsync(SiloStatus.ShuttingDown);
        await WriteStatusAsync(SiloStatus.Dead);
    }

    private async Task WriteStatusAsync(SiloStatus status)
    {
        for (var attempt = 0; attempt < 10; attempt++)
        {
            var snapshot = await table.ReadRow(silo.SiloAddress);
            var now = time.GetUtcNow();
            var existing = snapshot.Members.Count > 0 ? snapshot.Members[0] : default;
            var entry = existing.Entry is null
                ? new MembershipEntry
                {
                    SiloAddress = silo.SiloAddress,
                    Status = status,
                    SiloName = silo.Name,
                    HostName = System.Net.Dns.GetHostName(),
                    Roles = silo.Roles,
                    StartTime = now,
                    IAmAliveTime = now,
                }
                : existing.Entry with { Status = status, IAmAliveTime = now };
            var ok = existing.Entry is null
                ? await table.InsertRow(entry, snapshot.Version.Next())
                : await table.UpdateRow(entry, existing.ETag, snapshot.Version.Next());
            if (ok)
            {
                _status = status;
                LogStatus(silo.SiloAddress, status);
                return;
            }
        }

        throw new OrleansException($"Could not record status {status} for {silo.SiloAddress} in the membership table after 10 attempts.");
    }

    [LoggerMessage(2001, LogLevel.Information, "Silo {Silo} is {Status}")]
    private partial void LogStatus(SiloAddress silo, SiloStatus status);
}
