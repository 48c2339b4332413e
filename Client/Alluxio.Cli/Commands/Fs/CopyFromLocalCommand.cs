using System.CommandLine;
using Alluxio.Cli.Copying;

namespace Alluxio.Cli.Commands.Fs;

/// <summary><c>fs copyFromLocal</c>: a local file or directory tree into Alluxio, with the chosen write type and block size.</summary>
public static class CopyFromLocalCommand
{
    public static Command Create(CliContext context)
    {
        var writeType = DataOptions.WriteType();
        var blockSize = DataOptions.BlockSize();
        var source = new Argument<string>("LOCAL_SRC") { Description = "A local file or directory (copied recursively)." };
        var destination = new Argument<string>("ALLUXIO_DST") { Description = "The new Alluxio path, or an existing directory to copy into." };
        var command = new Command("copyFromLocal", CommandText.Describe(
            "Copy a local file or directory into Alluxio; an existing destination directory receives it under its name.",
            "alluxio fs copyFromLocal --write-type CACHE_THROUGH ./logs /data/logs"))
        {
            writeType, blockSize, source, destination,
        };
        context.SetAction(command, async (r, fs, ct) =>
        {
            var copier = new Copier(context, fs, new(), DataOptions.Write(context, r, writeType, blockSize));
            await copier.FromLocalAsync(r.GetValue(source)!, r.GetValue(destination)!, mustBeRecursive: false, recursive: true, ct);
            return ExitCodes.Success;
        });
        return command;
    }
}
