using System.CommandLine;
using Alluxio.Cli.Formatting;
using Alluxio.Grains.FileSystem;

namespace Alluxio.Cli.Commands.Fs;

/// <summary><c>fs chmod</c>: sets the permission bits (octal); only the owner or a superuser may.</summary>
public static class ChmodCommand
{
    public static Command Create(CliContext context)
    {
        var recursive = new Option<bool>("-R") { Description = "Change the subtree too." };
        var mode = new Argument<string>("MODE") { Description = "Octal mode, e.g. 755 or 0644." };
        mode.Validators.Add(result =>
        {
            if (!Modes.TryParseOctal(result.GetValueOrDefault<string>(), out _))
            {
                result.AddError($"MODE must be an octal mode such as 755 (got '{result.GetValueOrDefault<string>()}').");
            }
        });
        var paths = new Argument<string[]>("PATH") { Arity = ArgumentArity.OneOrMore, Description = "Paths to change." };
        var command = new Command("chmod", CommandText.Describe(
            "Change the mode (permission bits) of files and directories.",
            "alluxio fs chmod -R 755 /data"))
        {
            recursive, mode, paths,
        };
        context.SetAction(command, async (r, fs, ct) =>
        {
            Modes.TryParseOctal(r.GetValue(mode), out var bits);
            foreach (var path in r.GetValue(paths) ?? [])
            {
                await fs.SetAttributeAsync(path, new SetAttributeOptions(Recursive: r.GetValue(recursive), Mode: bits), ct);
                context.Out.WriteLine($"Changed permission of {path} to {Modes.ToOctal(bits)}");
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
