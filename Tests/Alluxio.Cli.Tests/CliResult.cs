using Xunit;

namespace Alluxio.Cli.Tests;

/// <summary>What one alluxio run produced.</summary>
public sealed record CliResult(int ExitCode, string Out, string Error)
{
    /// <summary>The stdout lines (without the final empty one).</summary>
    public string[] Lines => Split(Out);

    public string[] ErrorLines => Split(Error);

    /// <summary>Exit 0 and nothing on stderr; returns the stdout lines.</summary>
    public string[] Succeeded()
    {
        Assert.True(ExitCode == 0, $"expected exit 0, got {ExitCode}; stderr: {Error}");
        Assert.Equal(string.Empty, Error);
        return Lines;
    }

    /// <summary>The given exit code, nothing on stdout, exactly one "alluxio: reason" line on stderr; returns the reason.</summary>
    public string Failed(int exitCode)
    {
        Assert.True(ExitCode == exitCode, $"expected exit {exitCode}, got {ExitCode}; stdout: {Out}; stderr: {Error}");
        Assert.Equal(string.Empty, Out);
        var line = Assert.Single(ErrorLines);
        Assert.StartsWith("alluxio: ", line, StringComparison.Ordinal);
        Assert.True(line.Length > "alluxio: ".Length + 5, $"the reason is empty: '{line}'");
        return line["alluxio: ".Length..];
    }

    private static string[] Split(string text)
    {
        var normalized = text.Replace("\r\n", "\n", StringComparison.Ordinal);
        if (normalized.EndsWith('\n'))
        {
            normalized = normalized[..^1];
        }

        return normalized.Length == 0 ? [] : normalized.Split('\n');
    }
}
