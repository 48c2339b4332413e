using System.CommandLine;

namespace Alluxio.Cli.Commands.Fs;

/// <summary><c>fs load</c>: brings a file, or every file under a directory, into the cache (the worker reads the UFS).</summary>
public static class LoadCommand
{
    public static Command Create(CliContext context)
    {
        var path = new Argument<string>("PATH") { Description = "A file, or a directory whose files are all loaded." };
        var command = new Command("load", CommandText.Describe(
            "Load a file or directory's data into Alluxio from the UFS (distributedLoad is the same: one worker, no job service).",
            "alluxio fs load /data/2024"))
        {
            path,
        };

        // Alluxio's job-service load; with one worker and no job service it is this load.
        command.Aliases.Add("distributedLoad");
        context.SetAction(command, async (r, fs, ct) =>
        {
            var target = r.GetValue(path)!;
            long total = 0;
            if (context.ErrorIsTerminal)
            {
                // The bar needs the total; only worth a second listing when someone can see the bar.
                await foreach (var file in fs.FilesAsync(target, ct))
                {
                    total += file.Length;
                }
            }

            using (var progress = context.Progress(total))
            {
                await fs.LoadAsync(target, progress, ct);
            }

            context.Out.WriteLine(target + " loaded");
            return ExitCodes.Success;
        });
        return command;
    }
}
