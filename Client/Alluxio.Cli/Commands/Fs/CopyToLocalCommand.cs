using System.CommandLine;
using Alluxio.Cli.Copying;

namespace Alluxio.Cli.Commands.Fs;

/// <summary><c>fs copyToLocal</c>: an Alluxio file or directory tree to the local file system, with the chosen read type.</summary>
public static class CopyToLocalCommand
{
    public static Command Create(CliContext context)
    {
        var readType = DataOptions.ReadType();
        var source = new Argument<string>("ALLUXIO_SRC") { Description = "An Alluxio file or directory (copied recursively)." };
        var destination = new Argument<string>("LOCAL_DST") { Description = "The new local path, or an existing local directory to copy into." };
        var command = new Command("copyToLocal", CommandText.Describe(
            "Copy an Alluxio file or directory to the local file system; never overwrites a local file.",
            "alluxio fs copyToLocal --read-type NO_CACHE /data/part-0 ./part-0"))
        {
            readType, source, destination,
        };
        context.SetAction(command, async (r, fs, ct) =>
        {
            var copier = new Copier(context, fs, DataOptions.Read(r, readType), new());
            await copier.ToLocalAsync(r.GetValue(source)!, r.GetValue(destination)!, mustBeRecursive: false, recursive: true, ct);
            return ExitCodes.Success;
        });
        return command;
    }
}
