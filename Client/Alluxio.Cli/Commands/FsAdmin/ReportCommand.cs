using System.CommandLine;
using Alluxio.Cli.Formatting;

namespace Alluxio.Cli.Commands.FsAdmin;

/// <summary><c>fsadmin report capacity|persist</c>: the workers' tiers, and the files waiting to be persisted.</summary>
public static class ReportCommand
{
    public static Command Create(CliContext context)
    {
        var report = new Command("report", CommandText.Describe("Cluster reports: worker capacity, pending persists.", "alluxio fsadmin report capacity"));

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

        report.Subcommands.Add(capacity);
        report.Subcommands.Add(persist);
        return report;
    }
}
