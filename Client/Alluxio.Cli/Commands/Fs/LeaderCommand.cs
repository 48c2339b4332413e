using System.CommandLine;
using Alluxio.Cli.Formatting;

namespace Alluxio.Cli.Commands.Fs;

/// <summary><c>fs leader</c>: the host name of the leading master.</summary>
public static class LeaderCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("leader", CommandText.Describe("Print the host name of the leading master.", "alluxio fs leader"));
        context.SetAction(command, async (r, fs, ct) =>
        {
            var info = await fs.GetMasterInfoAsync(ct);
            context.Out.WriteLine(AdminFormatter.LeaderHost(info.LeaderMasterAddress));
            return ExitCodes.Success;
        });
        return command;
    }
}
