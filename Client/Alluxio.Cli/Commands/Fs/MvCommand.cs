using System.CommandLine;
using Alluxio.Grains.Exceptions;
using Alluxio.Grains.FileSystem;
using Alluxio.Grains.Paths;

namespace Alluxio.Cli.Commands.Fs;

/// <summary><c>fs mv</c>: renames; a destination that is an existing directory receives the source (as Alluxio's mv).</summary>
public static class MvCommand
{
    public static Command Create(CliContext context)
    {
        var source = new Argument<string>("SRC") { Description = "The path to move." };
        var destination = new Argument<string>("DST") { Description = "The new path, or an existing directory to move SRC into." };
        var command = new Command("mv", CommandText.Describe(
            "Move (rename) a file or directory within one mount (distributedMv is the same: one worker, no job service).",
            "alluxio fs mv /data/tmp/part-0 /data/final"))
        {
            source, destination,
        };

        // Alluxio's job-service move; with one worker and no job service it is this rename (within one mount).
        command.Aliases.Add("distributedMv");
        context.SetAction(command, async (r, fs, ct) =>
        {
            var from = r.GetValue(source)!;
            var to = r.GetValue(destination)!;
            if (await IsDirectoryAsync(fs, to, ct))
            {
                to = AlluxioPath.Join(AlluxioPath.Normalize(to), AlluxioPath.Name(AlluxioPath.Normalize(from)));
            }

            await fs.RenameAsync(from, to, cancellationToken: ct);
            context.Out.WriteLine($"Renamed {from} to {to}");
            return ExitCodes.Success;
        });
        return command;
    }

    private static async Task<bool> IsDirectoryAsync(Client.FileSystem fs, string path, CancellationToken cancellationToken)
    {
        try
        {
            return (await fs.GetStatusAsync(path, SyncOptions.Default, cancellationToken)).Folder;
        }
        catch (FileDoesNotExistException)
        {
            return false;
        }
    }
}
