using System.CommandLine;
using System.Security.Cryptography;

namespace Alluxio.Cli.Commands.Fs;

/// <summary><c>fs checksum</c>: the MD5 of a file's bytes as read through the SDK (comparable with the system's md5sum).</summary>
public static class ChecksumCommand
{
    public static Command Create(CliContext context)
    {
        var readType = DataOptions.ReadType();
        var path = new Argument<string>("PATH") { Description = "The file." };
        var command = new Command("checksum", CommandText.Describe(
            "Print the MD5 checksum of a file: md5sum: <32 hex digits>.",
            "alluxio fs checksum /data/part-0"))
        {
            readType, path,
        };
        context.SetAction(command, async (r, fs, ct) =>
        {
            await using var input = await fs.OpenReadAsync(r.GetValue(path)!, DataOptions.Read(r, readType), ct);
            var hash = await MD5.HashDataAsync(input, ct); // MD5 because Alluxio's checksum is MD5: a fingerprint, not security
            context.Out.WriteLine("md5sum: " + Convert.ToHexStringLower(hash));
            return ExitCodes.Success;
        });
        return command;
    }
}
