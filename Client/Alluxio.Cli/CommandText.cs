namespace Alluxio.Cli;

/// <summary>Help texts: every command's description ends with a one-line example.</summary>
public static class CommandText
{
    public static string Describe(string summary, string example) => summary + Environment.NewLine + "Example: " + example;
}
