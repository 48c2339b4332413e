using Xunit;

namespace Alluxio.Cli.Tests.Unit;

/// <summary><c>fs help</c>: a command's help as its --help prints it, the list of commands, an unknown command.</summary>
public sealed class HelpCommandTests
{
    [Fact]
    public async Task HelpOfACommandIsItsDashDashHelp()
    {
        var help = (await Cli.RunAsync("fs", "help", "ls")).Succeeded();

        Assert.Equal((await Cli.RunAsync("fs", "ls", "--help")).Succeeded(), help);
        Assert.Contains(help, l => l.Trim().StartsWith("Example: alluxio fs ls", StringComparison.Ordinal));
    }

    [Fact]
    public async Task HelpAloneListsTheFsCommands()
    {
        var help = (await Cli.RunAsync("fs", "help")).Succeeded();

        Assert.Contains(help, l => l.TrimStart().StartsWith("checkConsistency ", StringComparison.Ordinal));
        Assert.Contains(help, l => l.TrimStart().StartsWith("distributedLoad, load ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task HelpOfAnUnknownCommandIsAUsageError()
    {
        var reason = (await Cli.RunAsync("fs", "help", "frobnicate")).Failed(ExitCodes.Usage);

        Assert.Equal("'frobnicate' is not an fs command. See 'alluxio fs help'.", reason);
    }
}
