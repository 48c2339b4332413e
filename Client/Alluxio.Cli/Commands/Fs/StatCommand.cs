using System.CommandLine;
using Alluxio.Cli.Formatting;

namespace Alluxio.Cli.Commands.Fs;

/// <summary><c>fs stat</c>: a path's FileInfo, or selected fields with -f.</summary>
public static class StatCommand
{
    public static Command Create(CliContext context)
    {
        var format = new Option<string>("-f", "--format")
        {
            Description = "Print only this format: %N name, %z size, %u owner, %g group, %y modification time (UTC), %Y it in ms, %b blocks.",
            HelpName = "FORMAT",
        };
        var paths = new Argument<string[]>("PATH") { Arity = ArgumentArity.OneOrMore, Description = "Paths to describe." };
        var command = new Command("stat", CommandText.Describe(
            "Describe a file or directory.",
            "alluxio fs stat -f \"%N %z %u:%g %y\" /data/part-0"))
        {
            format, paths,
        };
        context.SetAction(command, async (r, fs, ct) =>
        {
            var pattern = r.GetValue(format);
            foreach (var path in r.GetValue(paths) ?? [])
            {
                var status = await fs.GetStatusAsync(path, cancellationToken: ct);
                if (pattern is not null)
                {
                    context.Out.WriteLine(StatFormatter.Format(pattern, status));
                    continue;
                }

                foreach (var line in StatFormatter.Describe(status))
                {
                    context.Out.WriteLine(line);
                }
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
