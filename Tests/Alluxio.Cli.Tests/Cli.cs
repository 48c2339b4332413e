using System.Text;
using Alluxio.Testing;

namespace Alluxio.Cli.Tests;

/// <summary>Runs alluxio in-process through its real entry point, with captured stdout and stderr.</summary>
public static class Cli
{
    /// <summary>The limit of one command in tests.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    /// <summary>
    /// No retries of an unavailable master unless a test asks for them (-D given): the many tests of an unreachable
    /// master would otherwise each wait out the CLI's retry budget.
    /// </summary>
    public const string NoRetries = "-Dalluxio.user.rpc.retry.max.duration=0";

    /// <summary>Runs the command line with no environment variables (so ALLUXIO_MASTER of the machine never leaks in).</summary>
    public static Task<CliResult> RunAsync(params string[] args) => RunWithEnvironmentAsync(_ => null, args);

    public static async Task<CliResult> RunWithEnvironmentAsync(Func<string, string?> environment, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        string[] effective = args.Any(a => a.StartsWith("-Dalluxio.user.rpc.retry", StringComparison.Ordinal)) ? args : [NoRetries, .. args];
        var exitCode = await AlluxioCli.RunAsync(effective, output, error, environment).Within($"alluxio {string.Join(' ', args)}", Timeout);
        return new CliResult(exitCode, output.ToString(), error.ToString());
    }

    /// <summary>
    /// Runs the command line with stdout as bytes: a StreamWriter over a buffer, as the executable's stdout is a
    /// StreamWriter over the console stream, so cat's binary path is the real one.
    /// </summary>
    public static async Task<(int ExitCode, byte[] Out, string Error)> RunBinaryAsync(params string[] args)
    {
        using var bytes = new MemoryStream();
        using var output = new StreamWriter(bytes, new UTF8Encoding(false));
        using var error = new StringWriter();
        var exitCode = await AlluxioCli.RunAsync(args, output, error, _ => null).Within($"alluxio {string.Join(' ', args)}", Timeout);
        await output.FlushAsync();
        return (exitCode, bytes.ToArray(), error.ToString());
    }
}
