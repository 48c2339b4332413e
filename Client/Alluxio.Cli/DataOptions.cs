using System.CommandLine;
using Alluxio.Cli.Formatting;
using Alluxio.Grains.FileSystem;

namespace Alluxio.Cli;

/// <summary>
/// The options of the commands that read or write file data: <c>--read-type</c>, <c>--write-type</c> (Alluxio's names,
/// case-insensitive) and <c>--block-size</c>. A bad value is a usage error naming the accepted ones. When an option is
/// not given, the <c>-D</c> property applies, then the client's default.
/// </summary>
public static class DataOptions
{
    public static Option<string> ReadType() => Validated(
        "--read-type",
        "TYPE",
        $"How the read uses the cache: {TypeNames.ReadTypeChoices}. Default: -D{ClientProperties.ReadTypeKey}, else CACHE.",
        text => TypeNames.TryParseReadType(text, out _),
        $"must be {TypeNames.ReadTypeChoices}");

    public static Option<string> WriteType() => Validated(
        "--write-type",
        "TYPE",
        $"Where the data goes: {TypeNames.WriteTypeChoices}. Default: -D{ClientProperties.WriteTypeKey}, else ASYNC_THROUGH.",
        text => TypeNames.TryParseWriteType(text, out _),
        $"must be {TypeNames.WriteTypeChoices}");

    public static Option<string> BlockSize() => Validated(
        "--block-size",
        "SIZE",
        $"Block size of new files, e.g. 64MB. Default: -D{ClientProperties.BlockSizeKey}, else the master's.",
        text => Sizes.TryParse(text, out var bytes) && bytes > 0,
        "must be a positive size such as 64MB");

    /// <summary>How a command reads: the option, else Default (the client's default, which -D may have set).</summary>
    public static OpenFileOptions Read(ParseResult result, Option<string> readType) =>
        new(TypeNames.TryParseReadType(result.GetValue(readType), out var type) ? type : Grains.FileSystem.ReadType.Default);

    /// <summary>How a command writes: the options, else the -D block size and the client's default write type.</summary>
    public static CreateFileOptions Write(CliContext context, ParseResult result, Option<string> writeType, Option<string> blockSize) =>
        new(
            BlockSizeBytes: Sizes.TryParse(result.GetValue(blockSize), out var bytes) ? bytes : context.Properties.BlockSizeBytes,
            Recursive: true,
            WriteType: TypeNames.TryParseWriteType(result.GetValue(writeType), out var type) ? type : Grains.FileSystem.WriteType.Default);

    private static Option<string> Validated(string name, string helpName, string description, Func<string?, bool> valid, string expectation)
    {
        var option = new Option<string>(name) { Description = description, HelpName = helpName };
        option.Validators.Add(result =>
        {
            var value = result.GetValueOrDefault<string>();
            if (!valid(value))
            {
                result.AddError($"{name} {expectation} (got '{value}').");
            }
        });
        return option;
    }
}
