using System.CommandLine;

namespace Alluxio.Cli.Commands.Fs;

/// <summary><c>fs updateMount</c>: replaces a mount's options (earlier options are not kept, as in Alluxio).</summary>
public static class UpdateMountCommand
{
    public static Command Create(CliContext context)
    {
        var options = new MountOptionsFactory();
        var alluxioPath = new Argument<string>("ALLUXIO_PATH") { Description = "The mount point." };
        var command = new Command("updateMount", CommandText.Describe(
            "Replace the options of a mount point (read-only, shared, properties); options not given are dropped.",
            "alluxio fs updateMount --readonly /mnt/data"))
        {
            alluxioPath,
        };
        options.AddTo(command);
        context.SetAction(command, async (r, fs, ct) =>
        {
            var path = r.GetValue(alluxioPath)!;
            await fs.UpdateMountAsync(path, options.Read(r), ct);
            context.Out.WriteLine("Updated mount point options at " + path);
            return ExitCodes.Success;
        });
        return command;
    }
}
