using System.CommandLine;
using System.Globalization;
using Alluxio.Grains.Blocks;

namespace Alluxio.Cli.Commands.Fs;

/// <summary>
/// <c>fs getCapacityBytes</c> and <c>fs getUsedBytes</c>: the cache's total capacity and used bytes, summed over every
/// tier of every registered worker (what <c>fsadmin report capacity</c> shows as totals), as plain byte counts.
/// </summary>
public static class CapacityBytesCommand
{
    public static Command CreateCapacity(CliContext context) =>
        Create(context, "getCapacityBytes", "Capacity Bytes", t => t.CapacityBytes,
            "Print the capacity of Alluxio's cache in bytes: every tier of every worker.");

    public static Command CreateUsed(CliContext context) =>
        Create(context, "getUsedBytes", "Used Bytes", t => t.UsedBytes,
            "Print the bytes used in Alluxio's cache: every tier of every worker.");

    private static Command Create(CliContext context, string name, string label, Func<TierUsage, long> value, string summary)
    {
        var command = new Command(name, CommandText.Describe(summary, $"alluxio fs {name}"));
        context.SetAction(command, async (r, fs, ct) =>
        {
            var workers = await fs.GetWorkersAsync(ct);
            var total = workers.SelectMany(w => w.Tiers).Sum(value);
            context.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{label}: {total}"));
            return ExitCodes.Success;
        });
        return command;
    }
}
