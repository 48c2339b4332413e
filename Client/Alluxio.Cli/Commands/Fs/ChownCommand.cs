using System.CommandLine;
using Alluxio.Grains.FileSystem;

namespace Alluxio.Cli.Commands.Fs;

/// <summary><c>fs chown</c>: sets the owner (and group with OWNER:GROUP); only a superuser may change the owner.</summary>
public static class ChownCommand
{
    public static Command Create(CliContext context)
    {
        var recursive = new Option<bool>("-R") { Description = "Change the subtree too." };
        var owner = new Argument<string>("OWNER[:GROUP]") { Description = "The new owner, and optionally the new group." };
        owner.Validators.Add(result =>
        {
            if (!TryParse(result.GetValueOrDefault<string>(), out _, out _))
            {
                result.AddError($"Expected OWNER or OWNER:GROUP (got '{result.GetValueOrDefault<string>()}').");
            }
        });
        var paths = new Argument<string[]>("PATH") { Arity = ArgumentArity.OneOrMore, Description = "Paths to change." };
        var command = new Command("chown", CommandText.Describe(
            "Change the owner (and group) of files and directories.",
            "alluxio fs chown -R alice:analysts /data/alice"))
        {
            recursive, owner, paths,
        };
        context.SetAction(command, async (r, fs, ct) =>
        {
            TryParse(r.GetValue(owner), out var user, out var group);
            foreach (var path in r.GetValue(paths) ?? [])
            {
                await fs.SetAttributeAsync(path, new SetAttributeOptions(Recursive: r.GetValue(recursive), Owner: user, Group: group), ct);
                context.Out.WriteLine(group is null ? $"Changed owner of {path} to {user}." : $"Changed owner:group of {path} to {user}:{group}.");
            }

            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>Splits OWNER[:GROUP]; neither part may be empty.</summary>
    public static bool TryParse(string? text, out string owner, out string? group)
    {
        owner = string.Empty;
        group = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var colon = text.IndexOf(':', StringComparison.Ordinal);
        owner = colon < 0 ? text : text[..colon];
        group = colon < 0 ? null : text[(colon + 1)..];
        return owner.Length > 0 && group is not { Length: 0 } && group?.Contains(':', StringComparison.Ordinal) != true;
    }
}
