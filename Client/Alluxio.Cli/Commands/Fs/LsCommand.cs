using System.CommandLine;
using Alluxio.Cli.Formatting;
using Alluxio.Client;
using Alluxio.Grains.FileSystem;

namespace Alluxio.Cli.Commands.Fs;

/// <summary><c>fs ls</c>: streams entries as they arrive; only --sort / -r collect the listing to order it.</summary>
public static class LsCommand
{
    public static Command Create(CliContext context)
    {
        var recursive = new Option<bool>("-R") { Description = "List subdirectories recursively." };
        var force = new Option<bool>("-f") { Description = "Sync the metadata with the UFS first (sync interval 0)." };
        var human = new Option<bool>("-h") { Description = "Print file sizes in human readable form (B, KB, MB, GB, TB, PB)." };
        var directory = new Option<bool>("-d") { Description = "List a directory as a plain file: the directory itself, not its entries." };
        var pinned = new Option<bool>("-p") { Description = "List pinned entries only." };
        var sort = new Option<string>("--sort") { Description = "Sort by this field (collects the listing first).", HelpName = "FIELD" };
        sort.AcceptOnlyFromAmong(LsField.SortFields);
        var reverse = new Option<bool>("-r") { Description = "Reverse the sort order (by name unless --sort is given)." };
        var timestamp = new Option<string>("--timestamp")
        {
            Description = "The time shown.",
            HelpName = "FIELD",
            DefaultValueFactory = _ => LsField.LastModificationTime,
        };
        timestamp.AcceptOnlyFromAmong(LsField.TimestampFields);
        var paths = new Argument<string[]>("PATH") { Arity = ArgumentArity.OneOrMore, Description = "Paths to list." };

        var command = new Command("ls", CommandText.Describe(
            "List directory entries: mode, owner, group, size, persistence state, modification time, in-Alluxio %, path.",
            "alluxio fs ls -R -h --sort size /data"))
        {
            recursive, force, human, directory, pinned, sort, reverse, timestamp, paths,
        };
        context.SetAction(command, async (r, fs, ct) =>
        {
            var sortField = r.GetValue(sort) ?? (r.GetValue(reverse) ? LsField.Name : null);
            var request = new Request(r.GetValue(recursive), r.GetValue(force), r.GetValue(human), r.GetValue(directory), r.GetValue(pinned),
                sortField, r.GetValue(reverse), r.GetValue(timestamp) ?? LsField.LastModificationTime);
            foreach (var path in r.GetValue(paths) ?? [])
            {
                await ListAsync(context, fs, path, request, ct);
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static async Task ListAsync(CliContext context, FileSystem fs, string path, Request request, CancellationToken cancellationToken)
    {
        var sync = request.Force ? new SyncOptions(LoadMetadataType.Always, 0) : null;
        if (request.DirectoryAsFile)
        {
            Print(context, await fs.GetStatusAsync(path, sync, cancellationToken), request);
            return;
        }

        var listing = fs.ListStatusAsync(path, new ListStatusOptions(request.Recursive, sync), cancellationToken);
        if (request.SortField is null)
        {
            await foreach (var status in listing)
            {
                Print(context, status, request);
            }

            return;
        }

        var all = new List<FileStatus>();
        await foreach (var status in listing)
        {
            all.Add(status);
        }

        all.Sort(LsFormatter.Comparer(request.SortField, request.Reverse));
        foreach (var status in all)
        {
            Print(context, status, request);
        }
    }

    private static void Print(CliContext context, FileStatus status, Request request)
    {
        if (!request.PinnedOnly || status.Pinned)
        {
            context.Out.WriteLine(LsFormatter.Line(status, request.Human, request.TimestampField, context.TimeZone));
        }
    }

    private sealed record Request(bool Recursive, bool Force, bool Human, bool DirectoryAsFile, bool PinnedOnly, string? SortField, bool Reverse, string TimestampField);
}
