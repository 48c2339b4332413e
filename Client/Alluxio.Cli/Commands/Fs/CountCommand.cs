using System.CommandLine;
using Alluxio.Cli.Formatting;
using Alluxio.Grains.FileSystem;

namespace Alluxio.Cli.Commands.Fs;

/// <summary><c>fs count</c>: files, folders (the directory itself included, as Alluxio) and bytes under a path.</summary>
public static class CountCommand
{
    public static Command Create(CliContext context)
    {
        var human = new Option<bool>("-h") { Description = "Print the size in human readable form." };
        var paths = new Argument<string[]>("PATH") { Arity = ArgumentArity.OneOrMore, Description = "Paths to count." };
        var command = new Command("count", CommandText.Describe(
            "Count the files and folders under a path and the bytes of its files.",
            "alluxio fs count -h /data"))
        {
            human, paths,
        };
        context.SetAction(command, async (r, fs, ct) =>
        {
            var header = false;
            foreach (var path in r.GetValue(paths) ?? [])
            {
                var status = await fs.GetStatusAsync(path, cancellationToken: ct);
                long files = 0, folders = 0, bytes = 0;
                if (status.Folder)
                {
                    folders = 1;
                    await foreach (var entry in fs.ListStatusAsync(path, new ListStatusOptions(Recursive: true), ct))
                    {
                        if (entry.Folder)
                        {
                            folders++;
                        }
                        else
                        {
                            files++;
                            bytes += entry.Length;
                        }
                    }
                }
                else
                {
                    files = 1;
                    bytes = status.Length;
                }

                if (!header)
                {
                    context.Out.WriteLine(UsageFormatter.CountHeader());
                    header = true;
                }

                context.Out.WriteLine(UsageFormatter.CountLine(files, folders, bytes, r.GetValue(human)));
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
