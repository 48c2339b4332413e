using System.CommandLine;
using Alluxio.Cli.Formatting;

namespace Alluxio.Cli.Commands.Fs;

/// <summary><c>fs masterInfo</c>: the leader, all masters, ports, start time, version.</summary>
public static class MasterInfoCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("masterInfo", CommandText.Describe("Print information about the masters.", "alluxio fs masterInfo"));
        context.SetAction(command, async (r, fs, ct) =>
        {
            foreach (var line in AdminFormatter.MasterInfo(await fs.GetMasterInfoAsync(ct)))
            {
                context.Out.WriteLine(line);
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
