using System.CommandLine;

namespace Alluxio.Cli.Commands.Fs;

/// <summary><c>fs stopSync</c>: ends active sync of a directory.</summary>
public static class StopSyncCommand
{
    public static Command Create(CliContext context)
    {
        var path = new Argument<string>("PATH") { Description = "A sync point." };
        var command = new Command("stopSync", CommandText.Describe(
            "Stop active sync of a directory.",
            "alluxio fs stopSync /data/incoming"))
        {
            path,
        };
        context.SetAction(command, async (r, fs, ct) =>
        {
            var target = r.GetValue(path)!;
            await fs.StopSyncAsync(target, ct);
            context.Out.WriteLine($"Stopped automatic syncing of '{target}'.");
            return ExitCodes.Success;
        });
        return command;
    }
}
