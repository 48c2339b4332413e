using Alluxio.Testing.Processes;
using Xunit;

namespace Alluxio.Cli.Tests.Unit;

/// <summary>
/// The error case of the commands that take no path (and of test, which must not take an outage for "absent"): with no master at the address, each one exits 8 with one line
/// naming the address, and prints nothing on stdout.
/// </summary>
public sealed class UnreachableMasterTests
{
    [Theory]
    [InlineData("fs leader")]
    [InlineData("fs masterInfo")]
    [InlineData("fs getSyncPathList")]
    [InlineData("fs getCapacityBytes")]
    [InlineData("fs getUsedBytes")]
    [InlineData("fs mount")]
    [InlineData("fs checkConsistency /")]
    [InlineData("fs test -e /")]
    [InlineData("fsadmin report capacity")]
    [InlineData("fsadmin report metrics")]
    [InlineData("fsadmin report ufs")]
    [InlineData("fsadmin report persist")]
    [InlineData("fsadmin journal info")]
    [InlineData("fsadmin journal checkpoint")]
    [InlineData("fsadmin backup")]
    [InlineData("fsadmin pathConf list")]
    public async Task ExitsEightNamingTheAddress(string commandLine)
    {
        var master = $"127.0.0.1:{FreePort.Next()}";

        var reason = (await Cli.RunAsync(["--master", master, .. commandLine.Split(' ')])).Failed(ExitCodes.Unavailable);

        Assert.Contains(master, reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadCommandsRetryAnUnavailableMasterForTheRetryBudget()
    {
        var master = $"127.0.0.1:{FreePort.Next()}";
        var clock = System.Diagnostics.Stopwatch.StartNew();

        var reason = (await Cli.RunAsync("-Dalluxio.user.rpc.retry.max.duration=1500ms", "--master", master, "fs", "stat", "/")).Failed(ExitCodes.Unavailable);

        Assert.InRange(clock.Elapsed, TimeSpan.FromMilliseconds(1500), TimeSpan.FromSeconds(30)); // the whole budget, then out
        Assert.Contains(master, reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ABadRetryBudgetIsAUsageError()
    {
        var reason = (await Cli.RunAsync("-Dalluxio.user.rpc.retry.max.duration=soon", "fs", "stat", "/")).Failed(ExitCodes.Usage);

        Assert.Contains("alluxio.user.rpc.retry.max.duration", reason, StringComparison.Ordinal);
    }
}
