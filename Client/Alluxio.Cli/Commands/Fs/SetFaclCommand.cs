using System.CommandLine;
using Alluxio.Cli.Formatting;
using Alluxio.Grains.FileSystem;

namespace Alluxio.Cli.Commands.Fs;

/// <summary>
/// <c>fs setfacl</c> for the ACL entries that are mode bits: <c>-m</c> changes the given base entries,
/// <c>--set</c> replaces all three. Named users and groups, masks and default ACLs do not exist in Alluxio.Orleans
/// (mode bits only), so those entries and the options that only touch them (-x, -b, -k, -d) are refused before
/// anything changes.
/// </summary>
public static class SetFaclCommand
{
    public static Command Create(CliContext context)
    {
        var modify = new Option<string>("-m") { Description = "Change these entries, keep the others: user::rwx,group::r-x,other::---.", HelpName = "ACL_SPEC" };
        var set = new Option<string>("--set") { Description = "Replace the ACL: all of user::, group:: and other:: must be given.", HelpName = "ACL_SPEC" };
        var recursive = new Option<bool>("-R") { Description = "Apply to every file and directory below too." };
        Option<bool>[] unsupported =
        [
            new("-x") { Description = "Not supported: removes named entries, which do not exist here (mode bits only)." },
            new("-b") { Description = "Not supported: removes extended entries, which do not exist here (mode bits only)." },
            new("-k") { Description = "Not supported: removes the default ACL, which does not exist here (mode bits only)." },
            new("-d") { Description = "Not supported: default ACLs do not exist here (mode bits only)." },
        ];
        var path = new Argument<string>("PATH") { Description = "A file or directory." };
        var command = new Command("setfacl", CommandText.Describe(
            "Set the ACL entries that map to mode bits (user::, group::, other::) of a path; the owner or a superuser only.",
            "alluxio fs setfacl -R -m group::rwx,other::--- /data/team"))
        {
            modify, set, recursive, path,
        };
        foreach (var option in unsupported)
        {
            command.Options.Add(option);
        }

        command.Validators.Add(result =>
        {
            if (unsupported.FirstOrDefault(o => result.GetValue(o)) is { } given)
            {
                result.AddError($"setfacl {given.Name} is not supported: Alluxio.Orleans has no extended or default ACL entries, only the mode bits (user::, group::, other::).");
                return;
            }

            var m = result.GetValue(modify);
            var s = result.GetValue(set);
            if ((m is null) == (s is null))
            {
                result.AddError("Give exactly one of -m ACL_SPEC or --set ACL_SPEC.");
            }
            else if (!AclSpec.TryParse(m ?? s, out var spec, out var error))
            {
                result.AddError(error);
            }
            else if (s is not null && !spec.Complete)
            {
                result.AddError("--set replaces the whole ACL: give user::, group:: and other:: entries.");
            }
        });
        context.SetAction(command, async (r, fs, ct) =>
        {
            AclSpec.TryParse(r.GetValue(modify) ?? r.GetValue(set), out var spec, out _);
            var target = r.GetValue(path)!;
            var root = await fs.GetStatusAsync(target, cancellationToken: ct);
            await SetModeAsync(fs, root, spec, ct);
            if (r.GetValue(recursive) && root.Folder)
            {
                await foreach (var entry in fs.ListStatusAsync(target, new ListStatusOptions(Recursive: true), ct))
                {
                    await SetModeAsync(fs, entry, spec, ct);
                }
            }

            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>Sets the mode even when it would not change, so the master checks that the caller may (owner or superuser).</summary>
    private static Task SetModeAsync(Client.FileSystem fs, FileStatus status, AclSpec spec, CancellationToken cancellationToken) =>
        fs.SetAttributeAsync(status.Path, new SetAttributeOptions(Mode: spec.Apply(status.Mode)), cancellationToken);
}
