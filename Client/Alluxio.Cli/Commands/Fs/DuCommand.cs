using System.CommandLine;
using Alluxio.Cli.Formatting;
using Alluxio.Grains.FileSystem;

namespace Alluxio.Cli.Commands.Fs;

/// <summary><c>fs du</c>: the size of every file under a path (streamed), or with -s one total per path.</summary>
public static class DuCommand
{
    public static Command Create(CliContext context)
    {
        var summarize = new Option<bool>("-s") { Description = "Print one total per path instead of a line per file." };
        var human = new Option<bool>("-h") { Description = "Print sizes in human readable form." };
        var paths = new Argument<string[]>("PATH") { Arity = ArgumentArity.OneOrMore, Description = "Paths to measure." };
        var command = new Command("du", CommandText.Describe(
            "Show the size of files and how much of it is in Alluxio.",
            "alluxio fs du -s -h /data"))
        {
            summarize, human, paths,
        };
        context.SetAction(command, async (r, fs, ct) =>
        {
            var readable = r.GetValue(human);

            // The header comes with the first row, so a failing path prints only its error line.
            var header = false;
            void Row(string line)
            {
                if (!header)
                {
                    context.Out.WriteLine(UsageFormatter.DuHeader());
                    header = true;
                }

                context.Out.WriteLine(line);
            }

            foreach (var path in r.GetValue(paths) ?? [])
            {
                long size = 0, inAlluxio = 0;
                await foreach (var entry in fs.ListStatusAsync(path, new ListStatusOptions(Recursive: true), ct))
                {
                    if (entry.Folder)
                    {
                        continue;
                    }

                    var cached = UsageFormatter.InAlluxioBytes(entry.Length, entry.InAlluxioPercentage);
                    size += entry.Length;
                    inAlluxio += cached;
                    if (!r.GetValue(summarize))
                    {
                        Row(UsageFormatter.DuLine(entry.Length, cached, entry.Path, readable));
                    }
                }

                if (r.GetValue(summarize))
                {
                    Row(UsageFormatter.DuLine(size, inAlluxio, path, readable));
                }
            }

            if (!header)
            {
                context.Out.WriteLine(UsageFormatter.DuHeader());
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
