namespace Alluxio.Grains.FileSystem.Security;

/// <summary>
/// Groups from /etc/passwd (primary group) and /etc/group (supplementary), re-read at most once a minute. Users and
/// groups from other sources (LDAP via NSS) are not seen; such users get no groups, which only narrows access.
/// </summary>
public sealed class UnixUserGroupResolver(TimeProvider time, string passwdPath = "/etc/passwd", string groupPath = "/etc/group") : IUserGroupResolver
{
    private static readonly TimeSpan RefreshAfter = TimeSpan.FromMinutes(1);
    private readonly object _lock = new();
    private Dictionary<string, IReadOnlyList<string>> _groups = new(StringComparer.Ordinal);
    private DateTimeOffset _loadedAt = DateTimeOffset.MinValue;

    public IReadOnlyList<string> GetGroups(string user)
    {
        var now = time.GetUtcNow();
        lock (_lock)
        {
            if (now - _loadedAt > RefreshAfter)
            {
                _groups = Load();
                _loadedAt = now;
            }

            return _groups.TryGetValue(user, out var groups) ? groups : [];
        }
    }

    private Dictionary<string, IReadOnlyList<string>> Load()
    {
        var groupNames = new Dictionary<string, string>(StringComparer.Ordinal);
        var members = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var line in ReadLines(groupPath))
        {
            var parts = line.Split(':');
            if (parts.Length < 4)
            {
                continue;
            }

            groupNames[parts[2]] = parts[0];
            foreach (var member in parts[3].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                if (!members.TryGetValue(member, out var list))
                {
                    members[member] = list = [];
                }

                list.Add(parts[0]);
            }
        }

        var result = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var line in ReadLines(passwdPath))
        {
            var parts = line.Split(':');
            if (parts.Length < 4)
            {
                continue;
            }

            var groups = new List<string>();
            if (groupNames.TryGetValue(parts[3], out var primary))
            {
                groups.Add(primary);
            }

            if (members.TryGetValue(parts[0], out var supplementary))
            {
                groups.AddRange(supplementary.Where(g => !groups.Contains(g)));
            }

            result[parts[0]] = groups;
        }

        return result;
    }

    private static IEnumerable<string> ReadLines(string path)
    {
        try
        {
            return File.ReadAllLines(path).Where(l => l.Length > 0 && l[0] != '#');
        }
        catch (IOException)
        {
            return [];
        }
        catch (UnauthorizedAccessException)
        {
            return [];
        }
    }
}
