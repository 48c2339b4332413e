using System.CommandLine;
using Alluxio.Grains.FileSystem;

namespace Alluxio.Cli.Commands.Fs;

/// <summary><c>fs pin</c> and <c>fs unpin</c>: pinned data is never evicted; a directory's files are (un)pinned with it.</summary>
public static class PinCommand
{
    public static Command CreatePin(CliContext context) => Create(
        context,
        "pin",
        CommandText.Describe("Pin files or directories: their data is kept in Alluxio (never evicted).", "alluxio fs pin /data/hot"),
        pinned: true);

    public static Command CreateUnpin(CliContext context) => Create(
        context,
        "unpin",
        CommandText.Describe("Unpin files or directories: their data may be evicted again.", "alluxio fs unpin /data/hot"),
        pinned: false);

    private static Command Create(CliContext context, string name, string description, bool pinned)
    {
        var paths = new Argument<string[]>("PATH") { Arity = ArgumentArity.OneOrMore, Description = "Files or directories (recursive)." };
        var command = new Command(name, description) { paths };
        context.SetAction(command, async (r, fs, ct) =>
        {
            foreach (var path in r.GetValue(paths) ?? [])
            {
                await fs.SetAttributeAsync(path, new SetAttributeOptions(Recursive: true, Pinned: pinned), ct);
                context.Out.WriteLine($"File '{path}' was successfully {name}ned.");
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
