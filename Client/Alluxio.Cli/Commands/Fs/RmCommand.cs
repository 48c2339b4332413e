using System.CommandLine;
using Alluxio.Grains.FileSystem;

namespace Alluxio.Cli.Commands.Fs;

/// <summary><c>fs rm</c>: removes files and directories (a non-empty directory only with -R).</summary>
public static class RmCommand
{
    public static Command Create(CliContext context)
    {
        var recursive = new Option<bool>("-R") { Description = "Remove directories and their contents." };
        var alluxioOnly = new Option<bool>("--alluxioOnly") { Description = "Remove from Alluxio only; leave the UFS data." };
        var skipUfsCheck = new Option<bool>("-U") { Description = "Do not check whether the UFS contents are in sync with Alluxio before removing." };
        var paths = new Argument<string[]>("PATH") { Arity = ArgumentArity.OneOrMore, Description = "Paths to remove." };
        var command = new Command("rm", CommandText.Describe(
            "Remove files and directories (from Alluxio and the UFS unless --alluxioOnly).",
            "alluxio fs rm -R /tmp/output"))
        {
            recursive, alluxioOnly, skipUfsCheck, paths,
        };
        context.SetAction(command, async (r, fs, ct) =>
        {
            var options = new DeleteOptions(Recursive: r.GetValue(recursive), AlluxioOnly: r.GetValue(alluxioOnly), Unchecked: r.GetValue(skipUfsCheck));
            foreach (var path in r.GetValue(paths) ?? [])
            {
                await fs.DeleteAsync(path, options, ct);
                context.Out.WriteLine(path + " has been removed");
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
