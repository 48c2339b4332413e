using Alluxio.Cli.Formatting;
using Alluxio.Client;
using Alluxio.Grains.FileSystem;

namespace Alluxio.Cli;

/// <summary>
/// The Alluxio properties given as <c>-Dkey=value</c> on the command line (Alluxio's shell passes them to the JVM):
/// the client's default write type, read type and block size. The tokens may appear anywhere before <c>--</c>; they are
/// taken out before System.CommandLine parses (which knows nothing of them). Keys this client does not use are ignored,
/// as the JVM would; a malformed token (no '=' or an empty key) or a bad value of a known key is a usage error.
/// </summary>
/// <param name="WriteType">alluxio.user.file.writetype.default (Default: the client's, ASYNC_THROUGH).</param>
/// <param name="ReadType">alluxio.user.file.readtype.default (Default: the client's, CACHE).</param>
/// <param name="BlockSizeBytes">alluxio.user.block.size.bytes.default (0: the master's default).</param>
/// <param name="RetryMaxDuration">
/// alluxio.user.rpc.retry.max.duration: how long a read-only command keeps retrying an unavailable master (null: the
/// CLI's <see cref="DefaultRetryMaxDuration"/>; the SDK's own default, 2 min, is long for a terminal).
/// </param>
public sealed record ClientProperties(WriteType WriteType = WriteType.Default, ReadType ReadType = ReadType.Default, long BlockSizeBytes = 0, TimeSpan? RetryMaxDuration = null)
{
    public const string RetryMaxDurationKey = "alluxio.user.rpc.retry.max.duration";

    /// <summary>The CLI's retry budget: long enough to ride out a master fail-over, short enough for a person waiting.</summary>
    public static readonly TimeSpan DefaultRetryMaxDuration = TimeSpan.FromSeconds(10);

    public const string WriteTypeKey = "alluxio.user.file.writetype.default";

    public const string ReadTypeKey = "alluxio.user.file.readtype.default";

    public const string BlockSizeKey = "alluxio.user.block.size.bytes.default";

    public static ClientProperties None { get; } = new();

    /// <summary>
    /// Splits the command line into its -D properties and the rest. Returns false with a one-line reason when a -D token
    /// is malformed or a known property has a bad value.
    /// </summary>
    public static bool TryExtract(IReadOnlyList<string> args, out string[] rest, out ClientProperties properties, out string? error)
    {
        var kept = new List<string>(args.Count);
        properties = None;
        error = null;
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg == "--")
            {
                kept.AddRange(args.Skip(i));
                break;
            }

            if (!arg.StartsWith("-D", StringComparison.Ordinal))
            {
                kept.Add(arg);
                continue;
            }

            if (!KeyValues.TryParse(arg[2..], out var key, out var value))
            {
                rest = [];
                error = $"Malformed property '{arg}': expected -Dalluxio.KEY=VALUE.";
                return false;
            }

            if (!TryApply(properties, key, value, out properties, out error))
            {
                rest = [];
                return false;
            }
        }

        rest = [.. kept];
        return true;
    }

    /// <summary>Sets the client's defaults that these properties override.</summary>
    public void ApplyTo(FileSystemClientOptions options)
    {
        if (WriteType != WriteType.Default)
        {
            options.DefaultWriteType = WriteType;
        }

        if (ReadType != ReadType.Default)
        {
            options.DefaultReadType = ReadType;
        }

        options.RetryMaxDuration = RetryMaxDuration ?? DefaultRetryMaxDuration;
    }

    private static bool TryApply(ClientProperties current, string key, string value, out ClientProperties updated, out string? error)
    {
        updated = current;
        error = null;
        switch (key)
        {
            case WriteTypeKey when TypeNames.TryParseWriteType(value, out var writeType):
                updated = current with { WriteType = writeType };
                return true;
            case WriteTypeKey:
                error = $"Property {key} must be {TypeNames.WriteTypeChoices} (got '{value}').";
                return false;
            case ReadTypeKey when TypeNames.TryParseReadType(value, out var readType):
                updated = current with { ReadType = readType };
                return true;
            case ReadTypeKey:
                error = $"Property {key} must be {TypeNames.ReadTypeChoices} (got '{value}').";
                return false;
            case BlockSizeKey when Sizes.TryParse(value, out var blockSize) && blockSize > 0:
                updated = current with { BlockSizeBytes = blockSize };
                return true;
            case BlockSizeKey:
                error = $"Property {key} must be a positive size such as 64MB (got '{value}').";
                return false;
            case RetryMaxDurationKey when Durations.TryParseMilliseconds(value, out var retryMs):
                updated = current with { RetryMaxDuration = TimeSpan.FromMilliseconds(retryMs) };
                return true;
            case RetryMaxDurationKey:
                error = $"Property {key} must be a duration such as 10s or 2min (got '{value}').";
                return false;
            default:
                return true; // a property this client does not use (or a JVM one): ignored, as Alluxio's shell would
        }
    }
}
