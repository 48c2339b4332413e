using System.Globalization;

namespace Alluxio.Runtime.Cluster;

/// <summary>
/// <see cref="IMembershipTable"/> in process memory: for a single silo and for in-process test clusters (silos of one
/// process share the instance). Implements the same compare-and-swap contract as the durable tables.
/// </summary>
public sealed class InMemoryMembershipTable : IMembershipTable
{
    private readonly object _lock = new();
    private readonly Dictionary<SiloAddress, (MembershipEntry Entry, string ETag)> _rows = [];
    private TableVersion _version = new(0, "0");
    private int _nextEtag;

    /// <inheritdoc/>
    public Task InitializeMembershipTable(bool tryInitTableVersion) => Task.CompletedTask;

    /// <inheritdoc/>
    public Task DeleteMembershipTableEntries(string clusterId)
    {
        lock (_lock)
        {
            _rows.Clear();
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc/>
    public Task CleanupDefunctSiloEntries(DateTimeOffset beforeDate)
    {
        lock (_lock)
        {
            foreach (var key in _rows.Where(r => r.Value.Entry.Status == SiloStatus.Dead && r.Value.Entry.IAmAliveTime < beforeDate).Select(r => r.Key).ToList())
            {
                _rows.Remove(key);
            }
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc/>
    public Task<MembershipTableData> ReadRow(SiloAddress key)
    {
        lock (_lock)
        {
            IReadOnlyList<(MembershipEntry, string)> rows = _rows.TryGetValue(key, out var row) ? [row] : [];
            return Task.FromResult(new MembershipTableData(rows, _version));
        }
    }

    /// <inheritdoc/>
    public Task<MembershipTableData> ReadAll()
    {
        lock (_lock)
        {
            return Task.FromResult(new MembershipTableData(_rows.Values.OrderBy(r => r.Entry.SiloAddress).ToList(), _version));
        }
    }

    /// <inheritdoc/>
    public Task<bool> InsertRow(MembershipEntry entry, TableVersion tableVersion)
    {
        lock (_lock)
        {
            if (_rows.ContainsKey(entry.SiloAddress) || tableVersion.Version != _version.Version + 1)
            {
                return Task.FromResult(false);
            }

            _rows[entry.SiloAddress] = (entry, NewEtag());
            _version = tableVersion with { VersionEtag = NewEtag() };
            return Task.FromResult(true);
        }
    }

    /// <inheritdoc/>
    public Task<bool> UpdateRow(MembershipEntry entry, string etag, TableVersion tableVersion)
    {
        lock (_lock)
        {
            if (!_rows.TryGetValue(entry.SiloAddress, out var row) || row.ETag != etag || tableVersion.Version != _version.Version + 1)
            {
                return Task.FromResult(false);
            }

            _rows[entry.SiloAddress] = (entry, NewEtag());
            _version = tableVersion with { VersionEtag = NewEtag() };
            return Task.FromResult(true);
        }
    }

    /// <inheritdoc/>
    public Task UpdateIAmAlive(MembershipEntry entry)
    {
        lock (_lock)
        {
            if (_rows.TryGetValue(entry.SiloAddress, out var row))
            {
                _rows[entry.SiloAddress] = (row.Entry with { IAmAliveTime = entry.IAmAliveTime }, row.ETag);
            }
        }

        return Task.CompletedTask;
    }

    private string NewEtag() => (++_nextEtag).ToString(CultureInfo.InvariantCulture);
}
