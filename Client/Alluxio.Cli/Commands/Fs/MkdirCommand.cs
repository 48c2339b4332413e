using System.CommandLine;
using Alluxio.Grains.FileSystem;

namespace Alluxio.Cli.Commands.Fs;

/// <summary><c>fs mkdir</c>: creates directories with their missing parents (as Alluxio's mkdir).</summary>
public static class MkdirCommand
{
    public static Command Create(CliContext context)
    {
        var paths = new Argument<string[]>("PATH") { Arity = ArgumentArity.OneOrMore, Description = "Directories to create." };
        var command = new Command("mkdir", CommandText.Describe(
            "Create directories, and their missing parents; fails if a path exists.",
            "alluxio fs mkdir /data/2024/01"))
        {
            paths,
        };
        context.SetAction(command, async (r, fs, ct) =>
        {
            foreach (var path in r.GetValue(paths) ?? [])
            {
                await fs.CreateDirectoryAsync(path, new CreateDirectoryOptions(Recursive: true), ct);
                context.Out.WriteLine("Successfully created directory " + path);
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
