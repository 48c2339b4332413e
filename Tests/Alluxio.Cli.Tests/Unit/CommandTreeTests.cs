using System.CommandLine;
using Xunit;

namespace Alluxio.Cli.Tests.Unit;

/// <summary>The command tree itself: every command, option and argument explains itself, and every help has an example of its own command.</summary>
public sealed class CommandTreeTests
{
    private static readonly RootCommand Root = AlluxioCli.Build(new CliContext(TextWriter.Null, TextWriter.Null, _ => null));

    public static TheoryData<string> Commands()
    {
        var data = new TheoryData<string>();
        foreach (var (path, _) in Walk(Root, "alluxio"))
        {
            data.Add(path);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public void HasASummaryAndAnExampleOfItself(string path)
    {
        var command = Find(path);
        var lines = (command.Description ?? string.Empty).Split(Environment.NewLine);

        Assert.True(lines.Length == 2, $"{path}: the description is not a summary line and an example line: '{command.Description}'");
        Assert.True(lines[0].Trim().Length > 10, $"{path}: no summary");
        Assert.StartsWith($"Example: {path}", lines[1], StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public void DescribesEveryOptionAndArgument(string path)
    {
        var command = Find(path);
        foreach (var option in command.Options)
        {
            Assert.False(string.IsNullOrWhiteSpace(option.Description), $"{path} {option.Name} has no description");
        }

        foreach (var argument in command.Arguments)
        {
            Assert.False(string.IsNullOrWhiteSpace(argument.Description), $"{path} {argument.Name} has no description");
        }
    }

    [Fact]
    public void CoversAlluxiosFsCommandsThatFit()
    {
        var fs = Root.Subcommands.Single(c => c.Name == "fs");
        var names = fs.Subcommands.SelectMany(c => c.Aliases.Prepend(c.Name)).ToHashSet(StringComparer.Ordinal);
        string[] alluxio =
        [
            "cat", "checkConsistency", "checksum", "chgrp", "chmod", "chown", "copyFromLocal", "copyToLocal", "count", "cp",
            "distributedCp", "distributedLoad", "distributedMv", "du", "free", "getCapacityBytes", "getfacl", "getSyncPathList",
            "getUsedBytes", "head", "help", "leader", "load", "loadMetadata", "location", "ls", "masterInfo", "mkdir", "mount",
            "mv", "persist", "pin", "rm", "setfacl", "setReplication", "setTtl", "startSync", "stat", "stopSync", "tail", "test",
            "touch", "unmount", "unpin", "unsetTtl", "updateMount",
        ];

        var missing = alluxio.Where(n => !names.Contains(n)).ToList();
        Assert.True(missing.Count == 0, "not in alluxio fs: " + string.Join(", ", missing));
    }

    private static Command Find(string path)
    {
        Command command = Root;
        foreach (var name in path.Split(' ').Skip(1))
        {
            command = command.Subcommands.Single(c => c.Name == name);
        }

        return command;
    }

    private static IEnumerable<(string Path, Command Command)> Walk(Command command, string path)
    {
        foreach (var sub in command.Subcommands)
        {
            var subPath = path + " " + sub.Name;
            yield return (subPath, sub);
            foreach (var nested in Walk(sub, subPath))
            {
                yield return nested;
            }
        }
    }
}
