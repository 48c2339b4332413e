using System.CommandLine;
using Alluxio.Cli.Commands.Fs;
using Alluxio.Testing.Processes;
using Xunit;

namespace Alluxio.Cli.Tests.Unit;

/// <summary>The command line without a server: usage errors, help, option resolution, an unreachable master.</summary>
public sealed class ParsingTests
{
    [Theory]
    [InlineData("")]
    [InlineData("fs")]
    [InlineData("fs ls")]
    [InlineData("fs test -d -e /x")]
    [InlineData("fs test /x")]
    [InlineData("fs chmod 9z /x")]
    [InlineData("fs chmod 755")]
    [InlineData("fs chown :g /x")]
    [InlineData("fs chown u: /x")]
    [InlineData("fs mount /only-path")]
    [InlineData("fs mount --readonly")]
    [InlineData("fs mount --option novalue /a /b")]
    [InlineData("fs ls --sort bogus /")]
    [InlineData("fs mv /a")]
    [InlineData("fs ls --no-such-option /")]
    [InlineData("fsadmin pathConf add /x")]
    [InlineData("fsadmin pathConf add --property =v /x")]
    [InlineData("fsadmin restore /backup")]
    [InlineData("fsadmin journal")]
    [InlineData("fsadmin report")]
    [InlineData("fsadmin report bogus")]
    [InlineData("fs cat")]
    [InlineData("fs head -c lots /x")]
    [InlineData("fs tail -c -5 /x")]
    [InlineData("fs head /x /y")]
    [InlineData("fs cat --read-type MUST_CACHE /x")]
    [InlineData("fs copyFromLocal --write-type SOMETIMES a /b")]
    [InlineData("fs copyFromLocal --block-size 0 a /b")]
    [InlineData("fs copyFromLocal a")]
    [InlineData("fs copyToLocal --read-type x /a b")]
    [InlineData("fs cp /a")]
    [InlineData("fs setTtl /x soon")]
    [InlineData("fs setTtl --action KEEP /x 10s")]
    [InlineData("fs setTtl /x")]
    [InlineData("fs persist --timeout never /x")]
    [InlineData("fs persist --timeout 0 /x")]
    [InlineData("fs free")]
    [InlineData("fs pin")]
    [InlineData("fs -D ls /")]
    [InlineData("fs ls / -Dalluxio.user.file.readtype.default=SOMETIMES")]
    [InlineData("fs setReplication /x")]
    [InlineData("fs setReplication --min -1 /x")]
    [InlineData("fs setReplication --max 0 /x")]
    [InlineData("fs setReplication --min 3 --max 2 /x")]
    [InlineData("fs setReplication --min many /x")]
    [InlineData("fs setfacl /x")]
    [InlineData("fs setfacl -m u::rwx --set u::rwx,g::rwx,o::rwx /x")]
    [InlineData("fs setfacl -m user:bob:rwx /x")]
    [InlineData("fs setfacl -m mask::rwx /x")]
    [InlineData("fs setfacl -m default:user::rwx /x")]
    [InlineData("fs setfacl -m user::rwz /x")]
    [InlineData("fs setfacl --set user::rwx /x")]
    [InlineData("fs setfacl -x user:bob /x")]
    [InlineData("fs setfacl -b /x")]
    [InlineData("fs setfacl -k /x")]
    [InlineData("fs setfacl -d -m user::rwx /x")]
    [InlineData("fs getfacl")]
    [InlineData("fs getCapacityBytes /x")]
    [InlineData("fs checkConsistency")]
    [InlineData("fs distributedCp /a")]
    [InlineData("fs distributedLoad")]
    [InlineData("fs distributedMv /a")]
    [InlineData("fsadmin report metrics extra")]
    public async Task UsageErrorsExitTwoWithOneLine(string commandLine)
    {
        var result = await Cli.RunAsync(commandLine.Split(' ', StringSplitOptions.RemoveEmptyEntries));
        var reason = result.Failed(ExitCodes.Usage);
        Assert.Contains("--help", reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ABadDataTypeNamesTheAcceptedOnes()
    {
        var reason = (await Cli.RunAsync("fs", "copyFromLocal", "--write-type", "sometimes", "a", "/b")).Failed(ExitCodes.Usage);
        Assert.StartsWith("--write-type must be MUST_CACHE, CACHE_THROUGH, THROUGH or ASYNC_THROUGH (got 'sometimes').", reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownCommandIsNamed()
    {
        var reason = (await Cli.RunAsync("fs", "frobnicate", "/x")).Failed(ExitCodes.Usage);
        Assert.StartsWith("Unrecognized command or argument 'frobnicate'", reason, StringComparison.Ordinal);
        Assert.EndsWith("See 'alluxio fs --help'.", reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DashHIsHumanReadableAndHelpIsDashDashHelp()
    {
        var help = (await Cli.RunAsync("fs", "ls", "--help")).Succeeded();
        Assert.Contains(help, l => l.TrimStart().StartsWith("-h ", StringComparison.Ordinal) && l.Contains("human readable", StringComparison.Ordinal));
        Assert.Contains(help, l => l.Trim() == "Example: alluxio fs ls -R -h --sort size /data");
        var shortHelp = (await Cli.RunAsync("fs", "du", "-?")).Succeeded();
        Assert.Contains(shortHelp, l => l.Contains("Example: alluxio fs du", StringComparison.Ordinal));
    }

    [Fact]
    public async Task EveryCommandsHelpHasAnExample()
    {
        var root = AlluxioCli.Build(new CliContext(TextWriter.Null, TextWriter.Null, _ => null));
        var paths = new List<string[]>();
        Collect(root, [], paths);
        Assert.True(paths.Count >= 30, $"only {paths.Count} commands found");
        foreach (var path in paths)
        {
            var lines = (await Cli.RunAsync([.. path, "--help"])).Succeeded();
            Assert.True(lines.Any(l => l.Trim().StartsWith("Example: alluxio ", StringComparison.Ordinal)), $"alluxio {string.Join(' ', path)} --help has no example");
        }
    }

    [Fact]
    public async Task UnreachableMasterExitsEightNamingTheAddress()
    {
        var port = FreePort.Next();
        var reason = (await Cli.RunAsync("--master", $"127.0.0.1:{port}", "fs", "ls", "/")).Failed(ExitCodes.Unavailable);
        Assert.Contains($"127.0.0.1:{port}", reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MasterComesFromTheEnvironmentUnlessGiven()
    {
        var fromEnvironment = FreePort.Next();
        var given = FreePort.Next();
        Func<string, string?> environment = name => name == "ALLUXIO_MASTER" ? $"127.0.0.1:{fromEnvironment}" : null;

        var reason = (await Cli.RunWithEnvironmentAsync(environment, "fs", "stat", "/")).Failed(ExitCodes.Unavailable);
        Assert.Contains($"127.0.0.1:{fromEnvironment}", reason, StringComparison.Ordinal);

        reason = (await Cli.RunWithEnvironmentAsync(environment, "fs", "stat", "/", "--master", $"127.0.0.1:{given}")).Failed(ExitCodes.Unavailable);
        Assert.Contains($"127.0.0.1:{given}", reason, StringComparison.Ordinal);
    }

    [Fact]
    public void ResolvesMasterAndUserWithDefaults()
    {
        var context = new CliContext(TextWriter.Null, TextWriter.Null, name => name == "ALLUXIO_USER" ? "env-user" : null);
        var root = AlluxioCli.Build(context);

        var plain = root.Parse("fs ls /");
        Assert.Equal(CliContext.DefaultMaster, context.ResolveMaster(plain));
        Assert.Equal("env-user", context.ResolveUser(plain));

        var given = root.Parse("fs ls --user alice / --master m:1");
        Assert.Equal("m:1", context.ResolveMaster(given));
        Assert.Equal("alice", context.ResolveUser(given));

        var noEnvironment = new CliContext(TextWriter.Null, TextWriter.Null, _ => null);
        Assert.Equal(Environment.UserName, noEnvironment.ResolveUser(AlluxioCli.Build(noEnvironment).Parse("fs ls /")));
    }

    [Theory]
    [InlineData("alice", "alice", null)]
    [InlineData("alice:staff", "alice", "staff")]
    public void ChownTakesOwnerAndOptionalGroup(string text, string owner, string? group)
    {
        Assert.True(ChownCommand.TryParse(text, out var parsedOwner, out var parsedGroup));
        Assert.Equal(owner, parsedOwner);
        Assert.Equal(group, parsedGroup);
    }

    [Theory]
    [InlineData("")]
    [InlineData(":staff")]
    [InlineData("alice:")]
    [InlineData("a:b:c")]
    public void ChownRejectsMalformedOwners(string text) => Assert.False(ChownCommand.TryParse(text, out _, out _));

    [Fact]
    public void KeyValuesKeepTheLastValueAndSplitAtTheFirstEquals()
    {
        var map = KeyValues.Parse(["a=1", "b=x=y", "a=2", "empty="]);
        Assert.Equal(new Dictionary<string, string> { ["a"] = "2", ["b"] = "x=y", ["empty"] = string.Empty }, map);
        Assert.Throws<ArgumentException>(() => KeyValues.Parse(["novalue"]));
    }

    private static void Collect(Command command, string[] path, List<string[]> paths)
    {
        foreach (var sub in command.Subcommands)
        {
            string[] subPath = [.. path, sub.Name];
            paths.Add(subPath);
            Collect(sub, subPath, paths);
        }
    }
}
