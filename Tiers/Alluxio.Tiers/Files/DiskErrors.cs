namespace Alluxio.Tiers.Files;

/// <summary>Classifies disk errors: a full device is an answer ("no room"), anything else is a failing disk.</summary>
public static class DiskErrors
{
    private const int Enospc = 28;          // Linux errno
    private const int Edquot = 122;         // Linux errno: quota exceeded
    private const int WinDiskFull = unchecked((int)0x80070070);
    private const int WinHandleDiskFull = unchecked((int)0x80070027);

    /// <summary>Whether <paramref name="exception"/> means the device (or the user's quota) is full.</summary>
    public static bool IsDiskFull(Exception exception) =>
        exception is IOException { HResult: Enospc or Edquot or WinDiskFull or WinHandleDiskFull };

    /// <summary>An <see cref="IOException"/> as the OS reports a full device (for fault injection).</summary>
    public static IOException DiskFull(string path) => new($"No space left on device : '{path}'", Enospc);

    /// <summary>An <see cref="IOException"/> as the OS reports a device I/O error (for fault injection).</summary>
    public static IOException IoError(string path) => new($"Input/output error : '{path}'", 5);
}
