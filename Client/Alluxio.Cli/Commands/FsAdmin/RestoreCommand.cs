using System.CommandLine;
using Alluxio.Cli.Formatting;
using Alluxio.Grains.Exceptions;

namespace Alluxio.Cli.Commands.FsAdmin;

/// <summary>
/// <c>fsadmin restore BACKUP_FILE --data-dir DIR</c>: offline, with no master running on DIR. Refuses a data directory
/// that is not empty, so a backup never mixes with existing metadata; on failure removes what it wrote.
/// </summary>
public static class RestoreCommand
{
    public static Command Create(CliContext context)
    {
        var backup = new Argument<string>("BACKUP_FILE") { Description = "A file written by fsadmin backup." };
        var dataDir = new Option<string>("--data-dir")
        {
            Description = "The new master data directory (must not exist or be empty); start the silo with it afterwards.",
            HelpName = "DIR",
            Required = true,
        };
        var command = new Command("restore", CommandText.Describe(
            "Restore a backup into a new data directory (offline: no master needed).",
            "alluxio fsadmin restore /var/backups/alluxio/alluxio-backup-1234.bak --data-dir /var/lib/alluxio-restored"))
        {
            backup, dataDir,
        };
        context.SetOfflineAction(command, (r, ct) =>
        {
            var file = Path.GetFullPath(r.GetValue(backup)!);
            var directory = Path.GetFullPath(r.GetValue(dataDir)!);
            var sequence = Restore(file, directory);
            context.Out.WriteLine(AdminFormatter.Restored(file, directory, sequence));
            return Task.FromResult(ExitCodes.Success);
        });
        return command;
    }

    /// <summary>Restores <paramref name="file"/> into <paramref name="directory"/>; returns the journal sequence.</summary>
    public static long Restore(string file, string directory)
    {
        if (!File.Exists(file))
        {
            throw new FileDoesNotExistException($"Backup file {file} does not exist.");
        }

        if (File.Exists(directory))
        {
            throw new InvalidArgumentException($"Data directory {directory} is a file.");
        }

        if (Directory.Exists(directory) && Directory.EnumerateFileSystemEntries(directory).Any())
        {
            throw new FailedPreconditionException(
                $"Data directory {directory} is not empty: restore into a new or empty directory (stop the master and move the old data away first).");
        }

        Directory.CreateDirectory(directory);
        try
        {
            return Alluxio.Metastore.Metastore.Restore(file, directory);
        }
        catch
        {
            foreach (var entry in new DirectoryInfo(directory).EnumerateFileSystemInfos())
            {
                if (entry is DirectoryInfo sub)
                {
                    sub.Delete(recursive: true);
                }
                else
                {
                    entry.Delete();
                }
            }

            throw;
        }
    }
}
