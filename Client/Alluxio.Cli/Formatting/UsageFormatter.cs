using System.Globalization;

namespace Alluxio.Cli.Formatting;

/// <summary>The tables of `fs count` (%-25s%-25s%-15s) and `fs du` (%-13s %-16s %s), as Alluxio prints them.</summary>
public static class UsageFormatter
{
    public static string CountHeader() => CountRow("File Count", "Folder Count", "Folder Size");

    public static string CountLine(long files, long folders, long bytes, bool human) =>
        CountRow(files.ToString(CultureInfo.InvariantCulture), folders.ToString(CultureInfo.InvariantCulture), Sizes.Format(bytes, human));

    public static string DuHeader() => DuRow("File Size", "In Alluxio", "Path");

    /// <summary>One du row: the size, the bytes in Alluxio with their share ("0 (0%)"), the path.</summary>
    public static string DuLine(long size, long inAlluxio, string path, bool human)
    {
        var percent = size == 0 ? 0 : inAlluxio * 100 / size;
        return DuRow(Sizes.Format(size, human), string.Create(CultureInfo.InvariantCulture, $"{Sizes.Format(inAlluxio, human)} ({percent}%)"), path);
    }

    /// <summary>The bytes of a file in Alluxio, from its length and in-Alluxio percentage.</summary>
    public static long InAlluxioBytes(long length, int inAlluxioPercentage) => length * inAlluxioPercentage / 100;

    private static string CountRow(string a, string b, string c) => $"{a,-25}{b,-25}{c,-15}".TrimEnd();

    private static string DuRow(string a, string b, string c) => $"{a,-13} {b,-16} {c}";
}
