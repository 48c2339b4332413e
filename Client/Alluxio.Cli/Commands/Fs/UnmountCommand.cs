using System.CommandLine;

namespace Alluxio.Cli.Commands.Fs;

/// <summary><c>fs unmount</c>: drops a mount's metadata and cached data from Alluxio, never the UFS data.</summary>
public static class UnmountCommand
{
    public static Command Create(CliContext context)
    {
        var alluxioPath = new Argument<string>("ALLUXIO_PATH") { Description = "The mount point." };
        var command = new Command("unmount", CommandText.Describe(
            "Unmount a UFS; its data stays in the UFS.",
            "alluxio fs unmount /mnt/data"))
        {
            alluxioPath,
        };
        context.SetAction(command, async (r, fs, ct) =>
        {
            var path = r.GetValue(alluxioPath)!;
            await fs.UnmountAsync(path, ct);
            context.Out.WriteLine("Unmounted " + path);
            return ExitCodes.Success;
        });
        return command;
    }
}
