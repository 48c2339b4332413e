using System.CommandLine;
using Alluxio.Cli.Formatting;

namespace Alluxio.Cli.Commands.FsAdmin;

/// <summary>
/// <c>fsadmin report capacity|metrics|ufs|persist</c>: the workers' tiers, the cluster's metrics, the under storages,
/// and the files waiting to be persisted.
/// </summary>
public static class ReportCommand
{
    public static Command Create(CliContext context)
    {
        var report = new Command("report", CommandText.Describe("Cluster reports: worker capacity, metrics, under storages, pending persists.", "alluxio fsadmin report capacity"));

        var capacity = new Command("capacity", CommandText.Describe(
            "Print the capacity and usage of every worker, per tier, with the cluster's totals.",
            "alluxio fsadmin report capacity"));
        context.SetAction(capacity, async (r, fs, ct) =>
        {
            foreach (var line in CapacityReport.Lines(await fs.GetWorkersAsync(ct), context.Time.GetUtcNow()))
            {
                context.Out.WriteLine(line);
            }

            return ExitCodes.Success;
        });

        var persist = new Command("persist", CommandText.Describe(
            "Print the files waiting to be persisted: attempts, next attempt (UTC) and last error.",
            "alluxio fsadmin report persist"));
        context.SetAction(persist, async (r, fs, ct) =>
        {
            foreach (var line in PersistReport.Lines(await fs.ListPendingPersistsAsync(ct)))
            {
                context.Out.WriteLine(line);
            }

            return ExitCodes.Success;
        });

        var metrics = new Command("metrics", CommandText.Describe(
            "Print the cluster's metrics: bytes read and written (cache and UFS), capacity, and the master's operation counts.",
            "alluxio fsadmin report metrics"));
        context.SetAction(metrics, async (r, fs, ct) =>
        {
            foreach (var line in MetricsReport.Lines(await fs.GetMetricsAsync(ct)))
            {
                context.Out.WriteLine(line);
            }

            return ExitCodes.Success;
        });

        var ufs = new Command("ufs", CommandText.Describe(
            "Print every mounted under storage: its URI, mount point, type, capacity and usage, and options.",
            "alluxio fsadmin report ufs"));
        context.SetAction(ufs, async (r, fs, ct) =>
        {
            var mounts = await fs.GetMountTableAsync(ct);
            context.Out.WriteLine("Alluxio under storage system information:");
            foreach (var line in MountTableFormatter.Lines(mounts))
            {
                context.Out.WriteLine(line);
            }

            return ExitCodes.Success;
        });

        report.Subcommands.Add(capacity);
        report.Subcommands.Add(metrics);
        report.Subcommands.Add(ufs);
        report.Subcommands.Add(persist);
        return report;
    }
}
