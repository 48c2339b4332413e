using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using System.CommandLine.Parsing;
using Alluxio.Cli.Commands.Fs;
using Alluxio.Cli.Commands.FsAdmin;

namespace Alluxio.Cli;

/// <summary>The command tree of <c>alluxio</c> and its entry point (used by <see cref="Program"/> and by tests in-process).</summary>
public static class AlluxioCli
{
    /// <summary>Builds the command tree: <c>alluxio [--master HOST:PORT] [--user NAME] fs|fsadmin ...</c>.</summary>
    public static RootCommand Build(CliContext context)
    {
        var root = new RootCommand(CommandText.Describe(
            "The command line of Alluxio.Orleans: namespace and data (fs) and administration (fsadmin) commands. "
            + $"-Dkey=value anywhere on the line sets an Alluxio client property: {ClientProperties.WriteTypeKey}, "
            + $"{ClientProperties.ReadTypeKey}, {ClientProperties.BlockSizeKey} (other keys are ignored).",
            "alluxio --master localhost:19998 fs ls /"));

        // -h means "human readable sizes" in ls, du and count, as in Alluxio; help is --help or -?.
        for (var i = root.Options.Count - 1; i >= 0; i--)
        {
            if (root.Options[i] is HelpOption)
            {
                root.Options.RemoveAt(i);
            }
        }

        root.Options.Add(new HelpOption("--help", "-?"));
        root.Options.Add(context.Master);
        root.Options.Add(context.User);
        root.Subcommands.Add(FsCommand.Create(context));
        root.Subcommands.Add(FsAdminCommand.Create(context));
        return root;
    }

    /// <summary>
    /// Runs one command line. Usage errors print one "alluxio: ..." line and return <see cref="ExitCodes.Usage"/>;
    /// command errors print one line and return the code of <see cref="ExitCodes.For(Exception)"/>.
    /// </summary>
    /// <param name="args">The arguments after the program name.</param>
    /// <param name="output">Where results and help go (stdout).</param>
    /// <param name="error">Where the error line goes (stderr).</param>
    /// <param name="environment">Environment lookup (ALLUXIO_MASTER, ALLUXIO_USER); the process environment by default.</param>
    /// <param name="handleInterrupt">Cancel the command on Ctrl-C / SIGTERM (the executable); false in-process (tests).</param>
    /// <param name="errorIsTerminal">stderr is a terminal: progress bars may be drawn (the executable decides; false in-process).</param>
    /// <param name="cancellationToken">Cancels the command.</param>
    public static async Task<int> RunAsync(
        IReadOnlyList<string> args,
        TextWriter output,
        TextWriter error,
        Func<string, string?>? environment = null,
        bool handleInterrupt = false,
        bool errorIsTerminal = false,
        CancellationToken cancellationToken = default)
    {
        var context = new CliContext(output, error, environment ?? Environment.GetEnvironmentVariable) { ErrorIsTerminal = errorIsTerminal };
        var root = Build(context);

        // -Dalluxio.key=value (Alluxio's JVM properties) may stand anywhere: taken out before parsing, which knows nothing of them.
        if (!ClientProperties.TryExtract(args, out var rest, out var properties, out var propertyError))
        {
            error.WriteLine($"alluxio: {propertyError} See 'alluxio --help'.");
            return ExitCodes.Usage;
        }

        context.Properties = properties;
        args = rest;

        // No @response-files: an Alluxio path may start with '@'.
        var parse = root.Parse(args, new ParserConfiguration { ResponseFileTokenReplacer = null });
        if (parse.Errors.Count > 0 && parse.Action is null or ParseErrorAction)
        {
            error.WriteLine($"alluxio: {UsageError(parse)} See '{CommandPath(parse.CommandResult)} --help'.");
            return ExitCodes.Usage;
        }

        if (parse.Action is not HelpAction && StrayOption(parse, args) is { } stray)
        {
            error.WriteLine($"alluxio: Unrecognized option '{stray}'. See '{CommandPath(parse.CommandResult)} --help'.");
            return ExitCodes.Usage;
        }

        return await parse.InvokeAsync(
            new InvocationConfiguration
            {
                Output = output,
                Error = error,
                EnableDefaultExceptionHandler = false,
                ProcessTerminationTimeout = handleInterrupt ? TimeSpan.FromSeconds(2) : null,
            },
            cancellationToken);
    }

    /// <summary>
    /// An unknown option taken as an argument (System.CommandLine binds "-x" to a PATH argument): Alluxio paths are
    /// absolute, so such a token is a mistyped option. After "--" everything is an argument.
    /// </summary>
    private static string? StrayOption(ParseResult parse, IReadOnlyList<string> args) =>
        args.Contains("--")
            ? null
            : parse.CommandResult.Children.OfType<ArgumentResult>().SelectMany(a => a.Tokens)
                .Select(t => t.Value).FirstOrDefault(v => v.Length > 1 && v[0] == '-');

    /// <summary>The parse errors on one line, those naming an unknown token first (the likely cause of the rest).</summary>
    private static string UsageError(ParseResult parse) =>
        string.Join(' ', parse.Errors
            .Select(e => ExitCodes.OneLine(e.Message))
            .Distinct(StringComparer.Ordinal)
            .OrderBy(m => parse.UnmatchedTokens.Any(t => m.Contains($"'{t}'", StringComparison.Ordinal)) ? 0 : 1));

    private static string CommandPath(CommandResult command)
    {
        var names = new List<string>();
        for (SymbolResult? current = command; current is not null; current = current.Parent)
        {
            if (current is CommandResult { Command: not RootCommand } named)
            {
                names.Add(named.Command.Name);
            }
        }

        names.Add("alluxio");
        names.Reverse();
        return string.Join(' ', names);
    }
}
