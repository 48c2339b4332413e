using System.CommandLine;
using Alluxio.Cli.Copying;
using Alluxio.Grains.Exceptions;

namespace Alluxio.Cli.Commands.Fs;

/// <summary>
/// <c>fs distributedCp</c>: Alluxio's job-service copy of a file or directory tree within Alluxio. There is one worker
/// and no job service here, so it is <c>cp -R</c> run by this client: the same copy, the same output, the same errors.
/// </summary>
public static class DistributedCpCommand
{
    public static Command Create(CliContext context)
    {
        var readType = DataOptions.ReadType();
        var writeType = DataOptions.WriteType();
        var blockSize = DataOptions.BlockSize();
        var source = new Argument<string>("SRC") { Description = "An Alluxio file or directory." };
        var destination = new Argument<string>("DST") { Description = "An Alluxio path; an existing directory receives SRC under its name." };
        var command = new Command("distributedCp", CommandText.Describe(
            "Copy a file or directory tree within Alluxio (as cp -R: one worker, no job service).",
            "alluxio fs distributedCp /data/2024 /backup/2024"))
        {
            readType, writeType, blockSize, source, destination,
        };
        context.SetAction(command, async (r, fs, ct) =>
        {
            var from = r.GetValue(source)!;
            var to = r.GetValue(destination)!;
            if (LocalPaths.IsLocalUri(from) || LocalPaths.IsLocalUri(to))
            {
                throw new InvalidArgumentException($"distributedCp copies within Alluxio, not from {from} to {to}; use cp, copyFromLocal or copyToLocal for local paths.");
            }

            var copier = new Copier(context, fs, DataOptions.Read(r, readType), DataOptions.Write(context, r, writeType, blockSize));
            await copier.WithinAsync(from, to, recursive: true, ct);
            return ExitCodes.Success;
        });
        return command;
    }
}
