using System.CommandLine;
using Alluxio.Cli.Formatting;

namespace Alluxio.Cli.Commands.Fs;

/// <summary><c>fs mount</c>: without arguments prints the mount table; with ALLUXIO_PATH UFS_URI mounts.</summary>
public static class MountCommand
{
    public static Command Create(CliContext context)
    {
        var options = new MountOptionsFactory();
        var alluxioPath = new Argument<string>("ALLUXIO_PATH") { Arity = ArgumentArity.ZeroOrOne, Description = "Where to mount; must not exist." };
        var ufsUri = new Argument<string>("UFS_URI") { Arity = ArgumentArity.ZeroOrOne, Description = "The UFS directory to mount (a local path or file:// URI)." };
        var command = new Command("mount", CommandText.Describe(
            "Mount a UFS directory at an Alluxio path; without arguments, print the mount table.",
            "alluxio fs mount --readonly --option key=value /mnt/data /srv/data"))
        {
            alluxioPath, ufsUri,
        };
        options.AddTo(command);
        command.Validators.Add(result =>
        {
            var path = result.GetValue(alluxioPath);
            var uri = result.GetValue(ufsUri);
            if (path is not null && uri is null)
            {
                result.AddError("fs mount needs both ALLUXIO_PATH and UFS_URI (or neither, to print the mount table).");
            }
            else if (path is null && (result.GetValue(options.ReadOnly) || result.GetValue(options.Shared) || result.GetResult(options.Properties) is not null))
            {
                result.AddError("fs mount options need ALLUXIO_PATH and UFS_URI.");
            }
        });
        context.SetAction(command, async (r, fs, ct) =>
        {
            var path = r.GetValue(alluxioPath);
            var uri = r.GetValue(ufsUri);
            if (path is null || uri is null)
            {
                foreach (var line in MountTableFormatter.Lines(await fs.GetMountTableAsync(ct)))
                {
                    context.Out.WriteLine(line);
                }

                return ExitCodes.Success;
            }

            await fs.MountAsync(path, uri, options.Read(r), ct);
            context.Out.WriteLine($"Mounted {uri} at {path}");
            return ExitCodes.Success;
        });
        return command;
    }
}
