using System.CommandLine;
using System.Globalization;
using Alluxio.Cli.Formatting;
using Alluxio.Grains.FileSystem;

namespace Alluxio.Cli.Commands.Fs;

/// <summary>
/// <c>fs setTtl</c> and <c>fs unsetTtl</c>: a time to live counted from the file's creation, after which the master's
/// TTL checker frees it, deletes it from Alluxio, or deletes it from Alluxio and the UFS (Alluxio's CLI default: DELETE).
/// </summary>
public static class TtlCommand
{
    public static Command CreateSet(CliContext context)
    {
        var action = new Option<string>("--action")
        {
            Description = $"What happens when the TTL expires: {TypeNames.TtlActionChoices} (default DELETE, as Alluxio's setTtl).",
            HelpName = "ACTION",
            DefaultValueFactory = _ => "DELETE",
        };
        action.Validators.Add(result =>
        {
            if (!TypeNames.TryParseTtlAction(result.GetValueOrDefault<string>(), out _))
            {
                result.AddError($"--action must be {TypeNames.TtlActionChoices} (got '{result.GetValueOrDefault<string>()}').");
            }
        });
        var path = new Argument<string>("PATH") { Description = "A file or directory." };
        var time = new Argument<string>("TIME") { Description = "Milliseconds, or with a unit: 10s, 5m, 2h, 1d." };
        time.Validators.Add(result =>
        {
            if (!Durations.TryParseMilliseconds(result.GetValueOrDefault<string>(), out _))
            {
                result.AddError($"TIME must be milliseconds or a duration such as 10s, 5m, 2h, 1d (got '{result.GetValueOrDefault<string>()}').");
            }
        });
        var command = new Command("setTtl", CommandText.Describe(
            "Set the time to live of a file or directory, and what happens when it expires.",
            "alluxio fs setTtl --action FREE /data/tmp 1d"))
        {
            action, path, time,
        };
        context.SetAction(command, async (r, fs, ct) =>
        {
            var target = r.GetValue(path)!;
            Durations.TryParseMilliseconds(r.GetValue(time), out var ttl);
            TypeNames.TryParseTtlAction(r.GetValue(action), out var expiry);
            await fs.SetAttributeAsync(target, new SetAttributeOptions(Ttl: ttl, TtlAction: expiry), ct);
            context.Out.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"TTL of path '{target}' was successfully set to {ttl} milliseconds, with expiry action set to {TypeNames.Name(expiry)}"));
            return ExitCodes.Success;
        });
        return command;
    }

    public static Command CreateUnset(CliContext context)
    {
        var path = new Argument<string>("PATH") { Description = "A file or directory." };
        var command = new Command("unsetTtl", CommandText.Describe("Remove the time to live of a file or directory.", "alluxio fs unsetTtl /data/tmp"))
        {
            path,
        };
        context.SetAction(command, async (r, fs, ct) =>
        {
            var target = r.GetValue(path)!;
            await fs.SetAttributeAsync(target, new SetAttributeOptions(Ttl: -1), ct);
            context.Out.WriteLine($"TTL of path '{target}' was successfully removed.");
            return ExitCodes.Success;
        });
        return command;
    }
}
