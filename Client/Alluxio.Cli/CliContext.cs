using System.CommandLine;
using Alluxio.Client;

namespace Alluxio.Cli;

/// <summary>
/// What every command shares: the output writers, the environment, the global options (<c>--master</c>, <c>--user</c>)
/// and the error handling that turns an exception into one <c>alluxio: reason</c> line and an exit code.
/// </summary>
public sealed class CliContext(TextWriter output, TextWriter error, Func<string, string?> environment)
{
    /// <summary>The master address used when neither --master nor ALLUXIO_MASTER is given.</summary>
    public const string DefaultMaster = "localhost:19998";

    public TextWriter Out { get; } = output;

    public TextWriter Error { get; } = error;

    /// <summary>The zone ls prints dates in (the local one, as Alluxio).</summary>
    public TimeZoneInfo TimeZone { get; init; } = TimeZoneInfo.Local;

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
                using var fs = FileSystem.Connect(ResolveMaster(result), new FileSystemClientOptions { User = ResolveUser(result) });
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

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
