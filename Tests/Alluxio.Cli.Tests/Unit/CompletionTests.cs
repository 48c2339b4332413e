using Xunit;

namespace Alluxio.Cli.Tests.Unit;

/// <summary>
/// Shell completion: the [suggest:POSITION] directive that alluxio-completion.bash sends with the line typed so far
/// answers the commands, subcommands and option values that contain the word under the cursor (the script keeps those
/// that start with it).
/// </summary>
public sealed class CompletionTests
{
    [Theory]
    [InlineData("alluxio fs getfac", "getfacl")]
    [InlineData("alluxio fs checkC", "checkConsistency")]
    [InlineData("alluxio fsadmin report m", "metrics")]
    [InlineData("alluxio fs ls --sort inM", "inMemoryPercentage")]
    public async Task SuggestsWhatFitsTheWordUnderTheCursor(string line, string expected)
    {
        var word = line[(line.LastIndexOf(' ') + 1)..];
        var lines = (await Cli.RunAsync($"[suggest:{line.Length}]", line)).Succeeded();

        Assert.All(lines, l => Assert.Contains(word, l, StringComparison.Ordinal));
        Assert.Equal(expected, Assert.Single(lines, l => l.StartsWith(word, StringComparison.Ordinal)));
    }

    [Fact]
    public async Task SuggestsEveryReportAfterReport()
    {
        const string line = "alluxio fsadmin report ";
        var lines = (await Cli.RunAsync($"[suggest:{line.Length}]", line)).Succeeded();

        Assert.Equal(["capacity", "metrics", "persist", "ufs"], lines.Where(l => !l.StartsWith('-')));
    }
}
