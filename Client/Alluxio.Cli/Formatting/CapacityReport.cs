using System.Globalization;
using Alluxio.Grains.Blocks;

namespace Alluxio.Cli.Formatting;

/// <summary>
/// <c>fsadmin report capacity</c> in Alluxio's layout: the cluster's totals per tier, used and free percentages, then a
/// table with a capacity and a used row per worker and a column per tier (and a Total column when there are several).
/// </summary>
public static class CapacityReport
{
    private const int NameWidth = 16;
    private const int HeartbeatWidth = 16;
    private const int StorageWidth = 13;
    private const int ValueWidth = 16;

    /// <param name="workers">The registered workers.</param>
    /// <param name="now">The time the last heartbeat is counted from (seconds ago, as Alluxio prints it).</param>
    public static IEnumerable<string> Lines(IReadOnlyList<WorkerInfo> workers, DateTimeOffset now)
    {
        var tiers = workers.SelectMany(w => w.Tiers.Select(t => t.Alias)).Distinct(StringComparer.Ordinal).ToList();
        long Sum(string alias, Func<TierUsage, long> value) => workers.SelectMany(w => w.Tiers).Where(t => t.Alias == alias).Sum(value);
        var capacity = workers.SelectMany(w => w.Tiers).Sum(t => t.CapacityBytes);
        var used = workers.SelectMany(w => w.Tiers).Sum(t => t.UsedBytes);
        var usedPercent = Percent(used, capacity);

        yield return "Capacity information for all workers: ";
        yield return "    Total Capacity: " + Sizes.Human(capacity);
        foreach (var tier in tiers)
        {
            yield return $"        Tier: {tier}  Size: {Sizes.Human(Sum(tier, t => t.CapacityBytes))}";
        }

        yield return "    Used Capacity: " + Sizes.Human(used);
        foreach (var tier in tiers)
        {
            yield return $"        Tier: {tier}  Size: {Sizes.Human(Sum(tier, t => t.UsedBytes))}";
        }

        yield return string.Create(CultureInfo.InvariantCulture, $"    Used Percentage: {usedPercent}%");
        yield return string.Create(CultureInfo.InvariantCulture, $"    Free Percentage: {100 - usedPercent}%");
        yield return string.Empty;

        var columns = tiers.Count > 1 ? ["Total", .. tiers] : tiers;
        yield return Row("Worker Name", "Last Heartbeat", "Storage", columns);
        foreach (var worker in workers.OrderBy(w => w.Host, StringComparer.Ordinal).ThenBy(w => w.WorkerId))
        {
            var capacities = new List<string>();
            var usages = new List<string>();
            if (tiers.Count > 1)
            {
                var workerCapacity = worker.Tiers.Sum(t => t.CapacityBytes);
                var workerUsed = worker.Tiers.Sum(t => t.UsedBytes);
                capacities.Add(Sizes.Human(workerCapacity));
                usages.Add(Used(workerUsed, workerCapacity));
            }

            foreach (var tier in tiers)
            {
                var usage = worker.Tiers.FirstOrDefault(t => t.Alias == tier);
                capacities.Add(usage is null ? "-" : Sizes.Human(usage.CapacityBytes));
                usages.Add(usage is null ? "-" : Used(usage.UsedBytes, usage.CapacityBytes));
            }

            var heartbeat = Math.Max(0, (long)(now - worker.LastHeartbeat).TotalSeconds).ToString(CultureInfo.InvariantCulture);
            yield return Row(worker.Host, heartbeat, "capacity", capacities);
            yield return Row(string.Empty, string.Empty, "used", usages);
        }
    }

    /// <summary>Alluxio's integer percentage (rounded down); 0 for no capacity.</summary>
    public static int Percent(long used, long capacity) => capacity <= 0 ? 0 : (int)Math.Min(100, used * 100.0 / capacity);

    private static string Used(long used, long capacity) =>
        string.Create(CultureInfo.InvariantCulture, $"{Sizes.Human(used)} ({Percent(used, capacity)}%)");

    private static string Row(string name, string heartbeat, string storage, IReadOnlyList<string> values)
    {
        var line = name.PadRight(NameWidth) + " " + heartbeat.PadRight(HeartbeatWidth) + " " + storage.PadRight(StorageWidth)
            + " " + string.Join(" ", values.Select((v, i) => i == values.Count - 1 ? v : v.PadRight(ValueWidth)));
        return line.TrimEnd();
    }
}
