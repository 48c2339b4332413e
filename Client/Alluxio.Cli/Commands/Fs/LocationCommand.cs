using System.CommandLine;
using System.Globalization;
using Alluxio.Grains.Exceptions;

namespace Alluxio.Cli.Commands.Fs;

/// <summary>
/// <c>fs location</c>: where a file's blocks are cached. Alluxio prints the hosts only; here each block's line names
/// the host, the block id and the tier, so a reader can tell which part of the file sits where.
/// </summary>
public static class LocationCommand
{
    public static Command Create(CliContext context)
    {
        var path = new Argument<string>("PATH") { Description = "The file." };
        var command = new Command("location", CommandText.Describe(
            "Print the workers and tiers holding each block of a file.",
            "alluxio fs location /data/part-0"))
        {
            path,
        };
        context.SetAction(command, async (r, fs, ct) =>
        {
            var status = await fs.GetStatusAsync(r.GetValue(path)!, cancellationToken: ct);
            if (status.Folder)
            {
                throw new InvalidPathException($"Path \"{status.Path}\" is a directory, not a file.");
            }

            var locations = await fs.GetBlockLocationsAsync(status.BlockIds, ct);
            context.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{status.Path} with file id {status.FileId} is on nodes:"));
            foreach (var blockId in status.BlockIds)
            {
                var found = locations.TryGetValue(blockId, out var list) ? list : [];
                if (found.Count == 0)
                {
                    context.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"(not cached) block={blockId}"));
                }

                foreach (var location in found)
                {
                    context.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{location.Host} block={blockId} tier={location.TierAlias}"));
                }
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
