using System.CommandLine;
using System.Globalization;
using Alluxio.Grains.Paths;

namespace Alluxio.Cli.Commands.Fs;

/// <summary>
/// <c>fs checkConsistency [-r] PATH</c>: lists the paths whose metadata disagrees with the UFS (files changed or
/// removed underneath, paths not persisted that the UFS has). With <c>-r</c> each one's parent is synced from the UFS
/// (<c>loadMetadata -F</c>), then the path is checked again: what is still inconsistent is named on stderr and the exit is 1.
/// </summary>
public static class CheckConsistencyCommand
{
    public static Command Create(CliContext context)
    {
        var repair = new Option<bool>("-r") { Description = "Repair: reload the inconsistent paths' metadata from the UFS." };
        var path = new Argument<string>("PATH") { Description = "A file or directory (a directory is checked with its whole subtree)." };
        var command = new Command("checkConsistency", CommandText.Describe(
            "Compare the metadata of a path and its subtree with the UFS and list what disagrees; -r repairs it from the UFS.",
            "alluxio fs checkConsistency -r /data"))
        {
            repair, path,
        };
        context.SetAction(command, async (r, fs, ct) =>
        {
            var target = AlluxioPath.Normalize(r.GetValue(path)!);
            var inconsistent = await fs.CheckConsistencyAsync(target, ct);
            if (inconsistent.Count == 0)
            {
                context.Out.WriteLine($"{target} is consistent with the under storage system.");
                return ExitCodes.Success;
            }

            if (!r.GetValue(repair))
            {
                context.Out.WriteLine("The following files are inconsistent:");
                foreach (var entry in inconsistent)
                {
                    context.Out.WriteLine(entry);
                }

                return ExitCodes.Success;
            }

            context.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{target} has: {inconsistent.Count} inconsistent files. Repairing with -r option."));
            foreach (var entry in inconsistent)
            {
                // Syncing the parent reloads, replaces or drops the entry as the UFS has it now.
                await fs.LoadMetadataAsync(entry == AlluxioPath.Root ? entry : AlluxioPath.Parent(entry)!, recursive: false, force: true, ct);
            }

            var left = await fs.CheckConsistencyAsync(target, ct);
            foreach (var entry in inconsistent.Except(left, StringComparer.Ordinal))
            {
                context.Out.WriteLine($"{entry} repaired");
            }

            if (left.Count == 0)
            {
                return ExitCodes.Success;
            }

            context.Out.Flush();
            context.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"alluxio: {left.Count} inconsistent path(s) could not be repaired (not persisted: the UFS copy is not theirs): {string.Join(", ", left)}"));
            return ExitCodes.Failure;
        });
        return command;
    }
}
