using System.CommandLine;

namespace Alluxio.Cli.Commands.Fs;

/// <summary><c>fs startSync</c>: active sync of a directory from UFS change notifications.</summary>
public static class StartSyncCommand
{
    public static Command Create(CliContext context)
    {
        var path = new Argument<string>("PATH") { Description = "The directory to keep in sync." };
        var command = new Command("startSync", CommandText.Describe(
            "Start active sync: UFS changes under a directory are applied as they happen.",
            "alluxio fs startSync /data/incoming"))
        {
            path,
        };
        context.SetAction(command, async (r, fs, ct) =>
        {
            var target = r.GetValue(path)!;
            await fs.StartSyncAsync(target, ct);
            context.Out.WriteLine($"Started automatic syncing of '{target}'.");
            return ExitCodes.Success;
        });
        return command;
    }
}
