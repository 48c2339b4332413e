namespace Alluxio.Ufs;

/// <summary>
/// A path argument is not acceptable: it would escape the mount root (<c>..</c> climbing above it), contains a NUL
/// character, names the mount root where that is not allowed, or asks for something impossible such as moving a
/// directory into its own subtree. An <see cref="ArgumentException"/>: retrying the same call cannot succeed.
/// </summary>
public class UfsPathException : ArgumentException
{
    /// <summary>Creates the exception for <paramref name="path"/>; the message names the path.</summary>
    public UfsPathException(string path, string reason)
        : base($"Invalid under-file-system path '{Printable(path)}': {reason}", "path")
    {
        Path = path;
    }

    /// <summary>Creates the exception with its cause.</summary>
    public UfsPathException(string path, string reason, Exception? innerException)
        : base($"Invalid under-file-system path '{Printable(path)}': {reason}", "path", innerException)
    {
        Path = path;
    }

    /// <summary>The rejected path, as given.</summary>
    public string Path { get; }

    // NUL and other control characters would truncate or garble logs; show them escaped.
    private static string Printable(string path) =>
        string.Create(path.Length, path, static (span, p) =>
        {
            for (var i = 0; i < p.Length; i++)
            {
                span[i] = char.IsControl(p[i]) ? '?' : p[i];
            }
        });
}
