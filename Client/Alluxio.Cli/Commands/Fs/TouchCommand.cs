using System.CommandLine;
using Alluxio.Grains.FileSystem;

namespace Alluxio.Cli.Commands.Fs;

/// <summary><c>fs touch</c>: creates an empty, completed file (persisted at once, as an empty ASYNC_THROUGH file).</summary>
public static class TouchCommand
{
    public static Command Create(CliContext context)
    {
        var paths = new Argument<string[]>("PATH") { Arity = ArgumentArity.OneOrMore, Description = "Files to create." };
        var command = new Command("touch", CommandText.Describe(
            "Create empty files (and their missing parents); fails if a path exists.",
            "alluxio fs touch /data/_SUCCESS"))
        {
            paths,
        };
        context.SetAction(command, async (r, fs, ct) =>
        {
            foreach (var path in r.GetValue(paths) ?? [])
            {
                await fs.CreateFileAsync(path, new CreateFileOptions(Recursive: true), ct);
                await fs.CompleteFileAsync(path, new CompleteFileOptions(Length: 0, AsyncPersist: true), ct);
                context.Out.WriteLine(path + " has been created");
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
