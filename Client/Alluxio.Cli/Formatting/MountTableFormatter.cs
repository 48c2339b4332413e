using System.Globalization;
using Alluxio.Grains.FileSystem;

namespace Alluxio.Cli.Formatting;

/// <summary>
/// `fs mount` without arguments (Alluxio's MountCommand.printMountInfo): "UFS  on  PATH (type, capacity=…, used=…(N%),
/// [not ]read-only, [not ]shared, properties={…})", the UFS and path columns padded to the longest of the table.
/// </summary>
public static class MountTableFormatter
{
    public static IEnumerable<string> Lines(IReadOnlyList<MountInfo> mounts)
    {
        if (mounts.Count == 0)
        {
            yield break;
        }

        var ufsWidth = mounts.Max(m => m.UfsUri.Length);
        var pathWidth = mounts.Max(m => m.AlluxioPath.Length);
        foreach (var m in mounts)
        {
            var usedPercentage = m.UfsCapacityBytes > 0
                ? "(" + (100L * m.UfsUsedBytes / m.UfsCapacityBytes).ToString(CultureInfo.InvariantCulture) + "%)"
                : string.Empty;
            yield return string.Create(CultureInfo.InvariantCulture,
                $"{m.UfsUri.PadRight(ufsWidth)}  on  {m.AlluxioPath.PadRight(pathWidth)} ({m.UfsType}, capacity={Sizes.Human(m.UfsCapacityBytes)}, used={Sizes.Human(m.UfsUsedBytes)}{usedPercentage}, {(m.ReadOnly ? string.Empty : "not ")}read-only, {(m.Shared ? string.Empty : "not ")}shared, properties={JavaMaps.Format(m.Properties)})");
        }
    }
}
