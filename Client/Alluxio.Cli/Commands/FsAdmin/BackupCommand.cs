using System.CommandLine;
using Alluxio.Cli.Formatting;

namespace Alluxio.Cli.Commands.FsAdmin;

/// <summary><c>fsadmin backup [DIR]</c>: the master writes the namespace to one backup file on its host.</summary>
public static class BackupCommand
{
    public static Command Create(CliContext context)
    {
        var directory = new Argument<string>("DIR")
        {
            Arity = ArgumentArity.ZeroOrOne,
            Description = "Directory on the master's host for the backup file (default: <data dir>/backups).",
        };
        var command = new Command("backup", CommandText.Describe(
            "Back up the whole namespace (superuser only); restore it with fsadmin restore.",
            "alluxio fsadmin backup /var/backups/alluxio"))
        {
            directory,
        };
        context.SetAction(command, async (r, fs, ct) =>
        {
            var (uri, sequence) = await fs.BackupAsync(r.GetValue(directory), ct);
            foreach (var line in AdminFormatter.Backup(fs.Address.Host, uri, sequence))
            {
                context.Out.WriteLine(line);
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
