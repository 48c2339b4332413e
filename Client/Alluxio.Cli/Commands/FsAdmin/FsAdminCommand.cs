using System.CommandLine;

namespace Alluxio.Cli.Commands.FsAdmin;

/// <summary><c>alluxio fsadmin</c>: administration (path configuration, journal, backup and restore, reports).</summary>
public static class FsAdminCommand
{
    public static Command Create(CliContext context)
    {
        var fsadmin = new Command("fsadmin", CommandText.Describe(
            "Administration: per-path configuration, journal checkpoints, backup and restore, capacity and persist reports.",
            "alluxio fsadmin journal checkpoint"));
        fsadmin.Subcommands.Add(PathConfCommand.Create(context));
        fsadmin.Subcommands.Add(JournalCommand.Create(context));
        fsadmin.Subcommands.Add(BackupCommand.Create(context));
        fsadmin.Subcommands.Add(RestoreCommand.Create(context));
        fsadmin.Subcommands.Add(ReportCommand.Create(context));
        return fsadmin;
    }
}
