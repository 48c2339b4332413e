using System.CommandLine;
using Alluxio.Grains.Exceptions;
using Alluxio.Grains.FileSystem;

namespace Alluxio.Cli.Commands.Fs;

/// <summary>
/// <c>fs test</c>: exit 0 when the condition holds, 1 when it does not (a missing path included), without output.
/// Errors that say nothing about the path (master unavailable, permission denied) are reported as usual.
/// </summary>
public static class TestCommand
{
    public static Command Create(CliContext context)
    {
        var isDirectory = new Option<bool>("-d") { Description = "The path is a directory." };
        var exists = new Option<bool>("-e") { Description = "The path exists." };
        var isFile = new Option<bool>("-f") { Description = "The path is a file." };
        var notEmpty = new Option<bool>("-s") { Description = "The path is a non-empty directory, or a non-empty file." };
        var zeroLength = new Option<bool>("-z") { Description = "The path is a file of length zero." };
        var path = new Argument<string>("PATH") { Description = "The path to test." };
        var command = new Command("test", CommandText.Describe(
            "Test a path; exit 0 if the test holds, 1 if not. Exactly one of -d -e -f -s -z.",
            "alluxio fs test -d /data && echo directory"))
        {
            isDirectory, exists, isFile, notEmpty, zeroLength, path,
        };
        Option<bool>[] tests = [isDirectory, exists, isFile, notEmpty, zeroLength];
        command.Validators.Add(result =>
        {
            if (tests.Count(t => result.GetValue(t)) != 1)
            {
                result.AddError("fs test takes exactly one of -d, -e, -f, -s, -z.");
            }
        });
        context.SetAction(command, async (r, fs, ct) =>
        {
            var target = r.GetValue(path)!;
            FileStatus status;
            try
            {
                status = await fs.GetStatusAsync(target, cancellationToken: ct);
            }
            catch (FileDoesNotExistException)
            {
                return ExitCodes.Failure;
            }

            bool holds;
            if (r.GetValue(isDirectory))
            {
                holds = status.Folder;
            }
            else if (r.GetValue(isFile))
            {
                holds = !status.Folder;
            }
            else if (r.GetValue(notEmpty))
            {
                holds = status.Folder ? await HasEntriesAsync(fs, target, ct) : status.Length > 0;
            }
            else if (r.GetValue(zeroLength))
            {
                holds = !status.Folder && status.Length == 0;
            }
            else
            {
                holds = true;
            }

            return holds ? ExitCodes.Success : ExitCodes.Failure;
        });
        return command;
    }

    private static async Task<bool> HasEntriesAsync(Client.FileSystem fs, string path, CancellationToken cancellationToken)
    {
        await foreach (var _ in fs.ListStatusAsync(path, cancellationToken: cancellationToken))
        {
            return true;
        }

        return false;
    }
}
