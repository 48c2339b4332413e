using System.CommandLine;
using Alluxio.Cli.Formatting;

namespace Alluxio.Cli.Commands.FsAdmin;

/// <summary><c>fsadmin journal checkpoint|info</c>.</summary>
public static class JournalCommand
{
    public static Command Create(CliContext context)
    {
        var journal = new Command("journal", CommandText.Describe("Journal administration.", "alluxio fsadmin journal info"));

        var checkpoint = new Command("checkpoint", CommandText.Describe(
            "Take a journal checkpoint now (superuser only); prints its sequence and location.",
            "alluxio fsadmin journal checkpoint"));
        context.SetAction(checkpoint, async (r, fs, ct) =>
        {
            var (sequence, location) = await fs.CheckpointAsync(ct);
            context.Out.WriteLine(AdminFormatter.Checkpoint(context.ResolveMaster(r), sequence, location));
            return ExitCodes.Success;
        });

        var info = new Command("info", CommandText.Describe(
            "Print the journal's positions: last and applied sequence, last checkpoint.",
            "alluxio fsadmin journal info"));
        context.SetAction(info, async (r, fs, ct) =>
        {
            foreach (var line in AdminFormatter.JournalInfo(await fs.GetJournalInfoAsync(ct)))
            {
                context.Out.WriteLine(line);
            }

            return ExitCodes.Success;
        });

        journal.Subcommands.Add(checkpoint);
        journal.Subcommands.Add(info);
        return journal;
    }
}
