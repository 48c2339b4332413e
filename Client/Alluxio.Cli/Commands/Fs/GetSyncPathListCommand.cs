using System.CommandLine;

namespace Alluxio.Cli.Commands.Fs;

/// <summary><c>fs getSyncPathList</c>: the active sync points and whether each is being watched now.</summary>
public static class GetSyncPathListCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("getSyncPathList", CommandText.Describe(
            "List the paths under active sync.",
            "alluxio fs getSyncPathList"));
        context.SetAction(command, async (r, fs, ct) =>
        {
            var points = await fs.GetSyncPathListAsync(ct);
            context.Out.WriteLine("The following paths are under active syncing");
            foreach (var point in points)
            {
                context.Out.WriteLine(point.Path + (point.Syncing ? " Watching" : " Not watching"));
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
