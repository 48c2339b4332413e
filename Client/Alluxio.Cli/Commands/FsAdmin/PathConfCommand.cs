using System.CommandLine;
using Alluxio.Cli.Formatting;

namespace Alluxio.Cli.Commands.FsAdmin;

/// <summary><c>fsadmin pathConf add|show|list|remove</c>: properties that apply to a path and below it.</summary>
public static class PathConfCommand
{
    public static Command Create(CliContext context)
    {
        var pathConf = new Command("pathConf", CommandText.Describe(
            "Manage path-level configuration (e.g. the metadata sync interval of a subtree).",
            "alluxio fsadmin pathConf add --property alluxio.user.file.metadata.sync.interval=10s /data"));
        pathConf.Subcommands.Add(Add(context));
        pathConf.Subcommands.Add(Show(context));
        pathConf.Subcommands.Add(List(context));
        pathConf.Subcommands.Add(Remove(context));
        return pathConf;
    }

    private static Command Add(CliContext context)
    {
        var properties = KeyValues.Option("--property", "A property for the path; repeatable.");
        properties.Required = true;
        var path = new Argument<string>("PATH") { Description = "The path the properties apply to (and below it)." };
        var command = new Command("add", CommandText.Describe(
            "Add or change properties of a path.",
            "alluxio fsadmin pathConf add --property alluxio.user.file.metadata.sync.interval=10s /data"))
        {
            properties, path,
        };
        context.SetAction(command, async (r, fs, ct) =>
        {
            await fs.SetPathConfigurationAsync(r.GetValue(path)!, KeyValues.Parse(r.GetValue(properties)), ct);
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Show(CliContext context)
    {
        var all = new Option<bool>("--all") { Description = "Also show the properties inherited from ancestor paths." };
        var path = new Argument<string>("PATH") { Description = "The path." };
        var command = new Command("show", CommandText.Describe(
            "Show the properties of a path as KEY=VALUE lines.",
            "alluxio fsadmin pathConf show --all /data/2024"))
        {
            all, path,
        };
        context.SetAction(command, async (r, fs, ct) =>
        {
            var configurations = await fs.GetPathConfigurationAsync(ct);
            foreach (var line in PathConfFormatter.Show(configurations, r.GetValue(path)!, r.GetValue(all)))
            {
                context.Out.WriteLine(line);
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static Command List(CliContext context)
    {
        var command = new Command("list", CommandText.Describe("List the paths that have properties.", "alluxio fsadmin pathConf list"));
        context.SetAction(command, async (r, fs, ct) =>
        {
            foreach (var line in PathConfFormatter.List(await fs.GetPathConfigurationAsync(ct)))
            {
                context.Out.WriteLine(line);
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Remove(CliContext context)
    {
        var keys = new Option<string>("--keys") { Description = "Comma-separated keys to remove; all of the path's properties when omitted.", HelpName = "K1,K2" };
        var path = new Argument<string>("PATH") { Description = "The path." };
        var command = new Command("remove", CommandText.Describe(
            "Remove properties of a path.",
            "alluxio fsadmin pathConf remove --keys alluxio.user.file.metadata.sync.interval /data"))
        {
            keys, path,
        };
        context.SetAction(command, async (r, fs, ct) =>
        {
            var list = r.GetValue(keys)?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            await fs.RemovePathConfigurationAsync(r.GetValue(path)!, list, ct);
            return ExitCodes.Success;
        });
        return command;
    }
}
