namespace Alluxio.Cli.Tests.EndToEnd;

/// <summary>Local files with seeded random content (every byte value, CR/LF, invalid UTF-8: what binary safety needs).</summary>
public static class LocalFiles
{
    public static byte[] Random(int length, int seed)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    /// <summary>Writes seeded random bytes to <paramref name="path"/> (creating its directory) and returns them.</summary>
    public static byte[] Write(string path, int length, int seed)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var bytes = Random(length, seed);
        File.WriteAllBytes(path, bytes);
        return bytes;
    }

    /// <summary>"file:///abs/path", as the copy commands print local paths.</summary>
    public static string Uri(string path) => "file://" + path;
}
