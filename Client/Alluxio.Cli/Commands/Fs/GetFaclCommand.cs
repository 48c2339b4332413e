using System.CommandLine;
using Alluxio.Cli.Formatting;

namespace Alluxio.Cli.Commands.Fs;

/// <summary><c>fs getfacl</c>: the owner, group and the ACL entries that the mode bits make (no extended entries exist).</summary>
public static class GetFaclCommand
{
    public static Command Create(CliContext context)
    {
        var path = new Argument<string>("PATH") { Description = "A file or directory." };
        var command = new Command("getfacl", CommandText.Describe(
            "Print the access control list of a path: its owner, group and the user::, group:: and other:: entries of its mode.",
            "alluxio fs getfacl /data"))
        {
            path,
        };
        context.SetAction(command, async (r, fs, ct) =>
        {
            var status = await fs.GetStatusAsync(r.GetValue(path)!, cancellationToken: ct);
            foreach (var line in AclFormatter.Lines(status))
            {
                context.Out.WriteLine(line);
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
