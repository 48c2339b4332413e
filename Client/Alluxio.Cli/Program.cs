using System.Text;

namespace Alluxio.Cli;

/// <summary>
/// The alluxio executable: buffered stdout (listings can be millions of lines; <c>cat</c> writes bytes to its base
/// stream), unbuffered stderr (progress bars are drawn there when it is a terminal).
/// </summary>
public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        var stdout = new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(false), 1 << 16) { AutoFlush = false };
        var stderr = new StreamWriter(Console.OpenStandardError(), new UTF8Encoding(false)) { AutoFlush = true };
        try
        {
            return await AlluxioCli.RunAsync(args, stdout, stderr, Environment.GetEnvironmentVariable, handleInterrupt: true, errorIsTerminal: !Console.IsErrorRedirected);
        }
        finally
        {
            try
            {
                await stdout.FlushAsync();
            }
            catch (IOException)
            {
                // The reader went away (e.g. `alluxio fs ls / | head`): nothing left to tell it.
            }
        }
    }
}
