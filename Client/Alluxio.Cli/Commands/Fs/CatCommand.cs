using System.CommandLine;
using Alluxio.Cli.Copying;

namespace Alluxio.Cli.Commands.Fs;

/// <summary><c>fs cat</c>: a file's bytes to stdout, unchanged (binary-safe: written to the byte stream, never decoded).</summary>
public static class CatCommand
{
    public static Command Create(CliContext context)
    {
        var readType = DataOptions.ReadType();
        var paths = new Argument<string[]>("PATH") { Arity = ArgumentArity.OneOrMore, Description = "Files to print, in order." };
        var command = new Command("cat", CommandText.Describe(
            "Print the content of files to stdout (bytes unchanged).",
            "alluxio fs cat /data/part-0 > part-0"))
        {
            readType, paths,
        };
        context.SetAction(command, async (r, fs, ct) =>
        {
            var stdout = context.BinaryOut();
            foreach (var path in r.GetValue(paths) ?? [])
            {
                await using var input = await fs.OpenReadAsync(path, DataOptions.Read(r, readType), ct);
                await StreamCopy.CopyAsync(input, stdout, long.MaxValue, null, ct);
            }

            await stdout.FlushAsync(ct);
            return ExitCodes.Success;
        });
        return command;
    }
}
