using System.CommandLine;
using Alluxio.Cli.Copying;
using Alluxio.Cli.Formatting;

namespace Alluxio.Cli.Commands.Fs;

/// <summary>
/// <c>fs head</c> and <c>fs tail</c>: the first or last bytes of a file (<c>-c</c>, default 1 KB, as Alluxio) to
/// stdout unchanged. tail seeks, so only the bytes printed are read.
/// </summary>
public static class HeadTailCommand
{
    /// <summary>Alluxio's default: 1 KB.</summary>
    public const string DefaultBytes = "1KB";

    public static Command CreateHead(CliContext context) => Create(
        context,
        "head",
        CommandText.Describe("Print the first bytes of a file (default 1 KB).", "alluxio fs head -c 4KB /data/part-0"),
        fromEnd: false);

    public static Command CreateTail(CliContext context) => Create(
        context,
        "tail",
        CommandText.Describe("Print the last bytes of a file (default 1 KB).", "alluxio fs tail -c 2KB /logs/app.log"),
        fromEnd: true);

    private static Command Create(CliContext context, string name, string description, bool fromEnd)
    {
        var bytes = new Option<string>("-c")
        {
            Description = "How many bytes, e.g. 100, 4KB, 1MB.",
            HelpName = "BYTES",
            DefaultValueFactory = _ => DefaultBytes,
        };
        bytes.Validators.Add(result =>
        {
            if (!Sizes.TryParse(result.GetValueOrDefault<string>(), out _))
            {
                result.AddError($"-c must be a size such as 1024 or 1KB (got '{result.GetValueOrDefault<string>()}').");
            }
        });
        var readType = DataOptions.ReadType();
        var path = new Argument<string>("PATH") { Description = "The file." };
        var command = new Command(name, description) { bytes, readType, path };
        context.SetAction(command, async (r, fs, ct) =>
        {
            Sizes.TryParse(r.GetValue(bytes), out var count);
            await using var input = await fs.OpenReadAsync(r.GetValue(path)!, DataOptions.Read(r, readType), ct);
            if (fromEnd)
            {
                input.Seek(Math.Max(0, input.Length - count), SeekOrigin.Begin);
            }

            var stdout = context.BinaryOut();
            await StreamCopy.CopyAsync(input, stdout, count, null, ct);
            await stdout.FlushAsync(ct);
            return ExitCodes.Success;
        });
        return command;
    }
}
