using System.CommandLine;
using System.Globalization;

namespace Alluxio.Cli.Commands.Fs;

/// <summary><c>fs loadMetadata</c>: loads metadata from the UFS (-R the subtree, -F reloading what is loaded).</summary>
public static class LoadMetadataCommand
{
    public static Command Create(CliContext context)
    {
        var recursive = new Option<bool>("-R") { Description = "Load the whole subtree." };
        var force = new Option<bool>("-F") { Description = "Reload metadata that is already loaded (sync with the UFS)." };
        var path = new Argument<string>("PATH") { Description = "The path to load." };
        var command = new Command("loadMetadata", CommandText.Describe(
            "Load the metadata of a UFS path into Alluxio.",
            "alluxio fs loadMetadata -R -F /data"))
        {
            recursive, force, path,
        };
        context.SetAction(command, async (r, fs, ct) =>
        {
            var target = r.GetValue(path)!;
            var result = await fs.LoadMetadataAsync(target, r.GetValue(recursive), r.GetValue(force), ct);
            context.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Loaded metadata of {target}: {result.Created} created, {result.Updated} updated, {result.Removed} removed"));
            return ExitCodes.Success;
        });
        return command;
    }
}
