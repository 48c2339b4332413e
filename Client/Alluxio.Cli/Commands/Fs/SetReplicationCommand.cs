using System.CommandLine;
using System.Globalization;
using Alluxio.Grains.FileSystem;

namespace Alluxio.Cli.Commands.Fs;

/// <summary>
/// <c>fs setReplication</c>: the minimum and maximum number of cached copies of a file's blocks (-1 as the maximum:
/// no limit). The master records them (<c>fs stat</c> shows them); with one worker per cluster a block has at most one
/// cached copy, so they constrain nothing more yet.
/// </summary>
public static class SetReplicationCommand
{
    public static Command Create(CliContext context)
    {
        var min = Count("--min", "Minimum cached copies (≥ 0).");
        var max = Count("--max", "Maximum cached copies (≥ 1, or -1 for no limit).");
        var recursive = new Option<bool>("-R") { Description = "Set it on every file and directory below too." };
        var path = new Argument<string>("PATH") { Description = "A file or directory." };
        var command = new Command("setReplication", CommandText.Describe(
            "Set the minimum and/or maximum replication of a file's blocks (recorded by the master; one worker keeps one copy).",
            "alluxio fs setReplication --min 1 --max 3 -R /data/hot"))
        {
            min, max, recursive, path,
        };
        command.Validators.Add(result =>
        {
            if (!TryCount(result.GetValue(min), out var minimum) || !TryCount(result.GetValue(max), out var maximum))
            {
                return; // the option's own validator names the bad value
            }

            if (minimum is null && maximum is null)
            {
                result.AddError("Give --min, --max or both.");
            }
            else if (minimum is < 0)
            {
                result.AddError($"--min must be 0 or more (got {minimum}).");
            }
            else if (maximum is 0 or < -1)
            {
                result.AddError($"--max must be 1 or more, or -1 for no limit (got {maximum}).");
            }
            else if (minimum is { } low && maximum is { } high && high != -1 && low > high)
            {
                result.AddError($"--min ({low}) cannot be greater than --max ({high}).");
            }
        });
        context.SetAction(command, async (r, fs, ct) =>
        {
            var target = r.GetValue(path)!;
            TryCount(r.GetValue(min), out var minimum);
            TryCount(r.GetValue(max), out var maximum);
            await fs.SetAttributeAsync(target, new SetAttributeOptions(Recursive: r.GetValue(recursive), ReplicationMin: minimum, ReplicationMax: maximum), ct);
            context.Out.WriteLine($"Changed the replication level of {target}");
            if (maximum is { } high)
            {
                context.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"replicationMax was set to {high}"));
            }

            if (minimum is { } low)
            {
                context.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"replicationMin was set to {low}"));
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static Option<string> Count(string name, string description)
    {
        var option = new Option<string>(name) { Description = description, HelpName = "N" };
        option.Validators.Add(result =>
        {
            if (!TryCount(result.GetValueOrDefault<string>(), out _))
            {
                result.AddError($"{name} must be a whole number (got '{result.GetValueOrDefault<string>()}').");
            }
        });
        return option;
    }

    /// <summary>An option's count: null when not given; false when not a whole number.</summary>
    private static bool TryCount(string? text, out int? count)
    {
        count = null;
        if (text is null)
        {
            return true;
        }

        if (!int.TryParse(text, System.Globalization.NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            return false;
        }

        count = value;
        return true;
    }
}
