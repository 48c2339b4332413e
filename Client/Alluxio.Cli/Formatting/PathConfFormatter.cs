using Alluxio.Grains.FileSystem;
using Alluxio.Grains.Paths;

namespace Alluxio.Cli.Formatting;

/// <summary>`fsadmin pathConf list` (the configured paths) and `show` (key=value lines).</summary>
public static class PathConfFormatter
{
    public static IEnumerable<string> List(IReadOnlyList<PathConfiguration> configurations) =>
        configurations.Where(c => c.Properties.Count > 0).Select(c => c.Path).Order(StringComparer.Ordinal);

    /// <summary>
    /// The properties of <paramref name="path"/>: only those set on it, or with <paramref name="all"/> those it inherits
    /// too (the nearest configured ancestor wins per key).
    /// </summary>
    public static IEnumerable<string> Show(IReadOnlyList<PathConfiguration> configurations, string path, bool all)
    {
        var target = AlluxioPath.Normalize(path);
        var effective = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var applicable = configurations
            .Where(c => all ? AlluxioPath.IsSameOrAncestor(AlluxioPath.Normalize(c.Path), target) : AlluxioPath.Normalize(c.Path) == target)
            .OrderBy(c => AlluxioPath.Normalize(c.Path).Length);
        foreach (var configuration in applicable)
        {
            foreach (var (key, value) in configuration.Properties)
            {
                effective[key] = value;
            }
        }

        return effective.Select(p => p.Key + "=" + p.Value);
    }
}
