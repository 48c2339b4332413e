using System.CommandLine;

namespace Alluxio.Cli.Commands.Fs;

/// <summary>
/// <c>fs free</c>: drops cached copies of persisted data (a directory's files too). The master refuses unpersisted files
/// (their only copy) and pinned ones unless -f, which unpins them.
/// </summary>
public static class FreeCommand
{
    public static Command Create(CliContext context)
    {
        var force = new Option<bool>("-f") { Description = "Free pinned files too (unpinning them)." };
        var paths = new Argument<string[]>("PATH") { Arity = ArgumentArity.OneOrMore, Description = "Files or directories to free." };
        var command = new Command("free", CommandText.Describe(
            "Free the data of files or directories from Alluxio's cache (the UFS copy stays).",
            "alluxio fs free -f /data/2023"))
        {
            force, paths,
        };
        context.SetAction(command, async (r, fs, ct) =>
        {
            foreach (var path in r.GetValue(paths) ?? [])
            {
                await fs.FreeAsync(path, recursive: true, forced: r.GetValue(force), ct);
                context.Out.WriteLine(path + " was successfully freed from Alluxio space.");
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
