using System.CommandLine;
using Alluxio.Cli.Formatting;
using Alluxio.Cli.Output;
using Alluxio.Client;

namespace Alluxio.Cli;

/// <summary>
/// What every command shares: the output writers, the environment, the global options (<c>--master</c>, <c>--user</c>),
/// the <c>-D</c> properties, the progress bar and the error handling that turns an exception into one
/// <c>alluxio: reason</c> line and an exit code.
/// </summary>
public sealed class CliContext(TextWriter output, TextWriter error, Func<string, string?> environment)
{
    /// <summary>The master address used when neither --master nor ALLUXIO_MASTER is given.</summary>
    public const string DefaultMaster = "localhost:19998";

    public TextWriter Out { get; } = output;

    public TextWriter Error { get; } = error;

    /// <summary>The zone ls prints dates in (the local one, as Alluxio).</summary>
    public TimeZoneInfo TimeZone { get; init; } = TimeZoneInfo.Local;

    /// <summary>The -D properties of the command line (client defaults: write type, read type, block size).</summary>
    public ClientProperties Properties { get; set; } = ClientProperties.None;

    /// <summary>Whether stderr is a terminal (the executable asks the console); only then is progress drawn.</summary>
    public bool ErrorIsTerminal { get; init; }

    /// <summary>The clock of progress bars, reports and waits.</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>
    /// stdout as bytes, for <c>cat</c>, <c>head</c> and <c>tail</c>: the base stream of a StreamWriter (the executable's
    /// stdout, so bytes pass unchanged), after flushing what was written as text; otherwise a UTF-8 decoding adapter.
    /// Not to be disposed: it is stdout.
    /// </summary>
    public Stream BinaryOut()
    {
        Out.Flush();
        return Out is StreamWriter writer ? writer.BaseStream : new TextWriterStream(Out);
    }

    /// <summary>A progress bar on stderr for <paramref name="totalBytes"/>; it draws only when stderr is a terminal.</summary>
    public ProgressBar Progress(long totalBytes) => new(Error, totalBytes, ErrorIsTerminal, Time, ErrorIsTerminal ? TerminalWidth() : 80);

    /// <summary>--master HOST:PORT (any position on the command line).</summary>
    public Option<string> Master { get; } = new("--master")
    {
        Description = $"Master address HOST:PORT. Default: $ALLUXIO_MASTER, else {DefaultMaster}.",
        HelpName = "HOST:PORT",
        Recursive = true,
    };

    /// <summary>--user NAME (any position on the command line).</summary>
    public Option<string> User { get; } = new("--user")
    {
        Description = "Act as this user (SIMPLE authentication). Default: $ALLUXIO_USER, else the OS user.",
        HelpName = "NAME",
        Recursive = true,
    };

    /// <summary>The master address: --master, else ALLUXIO_MASTER, else localhost:19998.</summary>
    public string ResolveMaster(ParseResult result) =>
        NonEmpty(result.GetValue(Master)) ?? NonEmpty(environment("ALLUXIO_MASTER")) ?? DefaultMaster;

    /// <summary>The user: --user, else ALLUXIO_USER, else the OS user.</summary>
    public string ResolveUser(ParseResult result) =>
        NonEmpty(result.GetValue(User)) ?? NonEmpty(environment("ALLUXIO_USER")) ?? Environment.UserName;

    /// <summary>Sets an action that talks to the master: connects, runs, maps any error to its line and exit code.</summary>
    public void SetAction(Command command, Func<ParseResult, FileSystem, CancellationToken, Task<int>> action) =>
        command.SetAction(async (result, cancellationToken) =>
        {
            try
            {
                var options = new FileSystemClientOptions { User = ResolveUser(result) };
                Properties.ApplyTo(options);
                using var fs = FileSystem.Connect(ResolveMaster(result), options);
                return await action(result, fs, cancellationToken);
            }
            catch (Exception e)
            {
                return Fail(e);
            }
        });

    /// <summary>Sets an action that does not need the master (offline tools), with the same error handling.</summary>
    public void SetOfflineAction(Command command, Func<ParseResult, CancellationToken, Task<int>> action) =>
        command.SetAction(async (result, cancellationToken) =>
        {
            try
            {
                return await action(result, cancellationToken);
            }
            catch (Exception e)
            {
                return Fail(e);
            }
        });

    /// <summary>Writes "alluxio: reason" to stderr and returns the error's exit code.</summary>
    public int Fail(Exception e)
    {
        // What was printed before the error comes first on a terminal that shows both streams.
        Out.Flush();
        Error.WriteLine("alluxio: " + ExitCodes.Message(e));
        return ExitCodes.For(e);
    }

    private static int TerminalWidth()
    {
        try
        {
            return Console.WindowWidth > 0 ? Console.WindowWidth : 80;
        }
        catch (IOException)
        {
            return 80; // no terminal size to be had (e.g. stdout redirected on some platforms)
        }
    }

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
