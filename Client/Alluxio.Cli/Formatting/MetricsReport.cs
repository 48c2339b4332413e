using System.Globalization;
using Alluxio.Client;

namespace Alluxio.Cli.Formatting;

/// <summary>
/// <c>fsadmin report metrics</c> in Alluxio's layout: one <c>NAME  (Type: COUNTER|GAUGE, Value: V)</c> line per metric,
/// sorted by name; byte metrics (Bytes or Capacity in the name) as <c>-h</c> sizes, others as plain numbers.
/// </summary>
public static class MetricsReport
{
    public static IEnumerable<string> Lines(IReadOnlyList<ClusterMetric> metrics) =>
        metrics.OrderBy(m => m.Name, StringComparer.Ordinal).Select(Line);

    public static string Line(ClusterMetric metric) =>
        string.Create(CultureInfo.InvariantCulture, $"{metric.Name}  (Type: {(metric.Counter ? "COUNTER" : "GAUGE")}, Value: {Value(metric)})");

    private static string Value(ClusterMetric metric) =>
        IsBytes(metric.Name) ? Sizes.Human(metric.Value) : metric.Value.ToString(CultureInfo.InvariantCulture);

    private static bool IsBytes(string name) =>
        name.Contains("Bytes", StringComparison.Ordinal) || name.Contains(".Capacity", StringComparison.Ordinal);
}
