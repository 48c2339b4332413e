using System.CommandLine;
using Alluxio.Cli.Copying;
using Alluxio.Grains.Exceptions;

namespace Alluxio.Cli.Commands.Fs;

/// <summary>
/// <c>fs cp</c>: copies within Alluxio; a <c>file://</c> source or destination is a local path (then it is
/// copyFromLocal or copyToLocal), as Alluxio's cp. Directories need -R.
/// </summary>
public static class CpCommand
{
    public static Command Create(CliContext context)
    {
        var recursive = new Option<bool>("-R") { Description = "Copy directories with their whole tree." };
        var readType = DataOptions.ReadType();
        var writeType = DataOptions.WriteType();
        var blockSize = DataOptions.BlockSize();
        var source = new Argument<string>("SRC") { Description = "An Alluxio path, or file:///local/path." };
        var destination = new Argument<string>("DST") { Description = "An Alluxio path, or file:///local/path; an existing directory receives SRC under its name." };
        var command = new Command("cp", CommandText.Describe(
            "Copy a file (or with -R a directory) within Alluxio, or from or to a local file:// path.",
            "alluxio fs cp -R /data/2024 /backup/2024"))
        {
            recursive, readType, writeType, blockSize, source, destination,
        };
        context.SetAction(command, async (r, fs, ct) =>
        {
            var from = r.GetValue(source)!;
            var to = r.GetValue(destination)!;
            var copier = new Copier(context, fs, DataOptions.Read(r, readType), DataOptions.Write(context, r, writeType, blockSize));
            switch (LocalPaths.IsLocalUri(from), LocalPaths.IsLocalUri(to))
            {
                case (true, true):
                    throw new InvalidArgumentException($"cp copies within Alluxio or between Alluxio and a local path, not from {from} to {to}.");
                case (true, false):
                    await copier.FromLocalAsync(from, to, mustBeRecursive: true, r.GetValue(recursive), ct);
                    break;
                case (false, true):
                    await copier.ToLocalAsync(from, to, mustBeRecursive: true, r.GetValue(recursive), ct);
                    break;
                default:
                    await copier.WithinAsync(from, to, r.GetValue(recursive), ct);
                    break;
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
