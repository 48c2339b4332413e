using Alluxio.Testing;

namespace Alluxio.Cli.Tests;

/// <summary>Runs alluxio in-process through its real entry point, with captured stdout and stderr.</summary>
public static class Cli
{
    /// <summary>The limit of one command in tests.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    /// <summary>Runs the command line with no environment variables (so ALLUXIO_MASTER of the machine never leaks in).</summary>
    public static Task<CliResult> RunAsync(params string[] args) => RunWithEnvironmentAsync(_ => null, args);

    public static async Task<CliResult> RunWithEnvironmentAsync(Func<string, string?> environment, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await AlluxioCli.RunAsync(args, output, error, environment).Within($"alluxio {string.Join(' ', args)}", Timeout);
        return new CliResult(exitCode, output.ToString(), error.ToString());
    }
}
