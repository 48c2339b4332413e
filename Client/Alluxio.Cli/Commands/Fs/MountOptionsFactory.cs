using System.CommandLine;

namespace Alluxio.Cli.Commands.Fs;

/// <summary>The options mount and updateMount share: --readonly, --shared, --option KEY=VALUE (repeatable).</summary>
public sealed class MountOptionsFactory
{
    public Option<bool> ReadOnly { get; } = new("--readonly") { Description = "Mount read-only: writes under it fail." };

    public Option<bool> Shared { get; } = new("--shared") { Description = "Make the mount visible to every user (Alluxio's shared flag)." };

    public Option<string[]> Properties { get; } = KeyValues.Option("--option", "A UFS property of the mount; repeatable.");

    public void AddTo(Command command)
    {
        command.Options.Add(ReadOnly);
        command.Options.Add(Shared);
        command.Options.Add(Properties);
    }

    public Grains.FileSystem.MountOptions Read(ParseResult result) =>
        new(result.GetValue(ReadOnly), result.GetValue(Shared), KeyValues.Parse(result.GetValue(Properties)));
}
