using System.CommandLine;
using Alluxio.Grains.FileSystem;

namespace Alluxio.Cli.Commands.Fs;

/// <summary><c>fs chgrp</c>: sets the group; the owner may choose a group it belongs to, a superuser any group.</summary>
public static class ChgrpCommand
{
    public static Command Create(CliContext context)
    {
        var recursive = new Option<bool>("-R") { Description = "Change the subtree too." };
        var group = new Argument<string>("GROUP") { Description = "The new group." };
        var paths = new Argument<string[]>("PATH") { Arity = ArgumentArity.OneOrMore, Description = "Paths to change." };
        var command = new Command("chgrp", CommandText.Describe(
            "Change the group of files and directories.",
            "alluxio fs chgrp -R analysts /data/shared"))
        {
            recursive, group, paths,
        };
        context.SetAction(command, async (r, fs, ct) =>
        {
            var name = r.GetValue(group)!;
            foreach (var path in r.GetValue(paths) ?? [])
            {
                await fs.SetAttributeAsync(path, new SetAttributeOptions(Recursive: r.GetValue(recursive), Group: name), ct);
                context.Out.WriteLine($"Changed group of {path} to {name}");
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
