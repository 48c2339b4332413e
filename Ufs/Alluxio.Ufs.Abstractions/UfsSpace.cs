namespace Alluxio.Ufs;

/// <summary>
/// Capacity of an under file system in bytes, as reported by <see cref="IUnderFileSystem.GetSpaceAsync"/>.
/// <see cref="FreeBytes"/> is what the connector's process may still use (so on a local file system it excludes
/// blocks reserved for root, and <c>UsedBytes + FreeBytes</c> can be less than <see cref="TotalBytes"/>).
/// A connector that cannot tell reports <see cref="Unknown"/> (-1) in the fields it does not know.
/// </summary>
/// <param name="TotalBytes">The size of the file system holding the mount root.</param>
/// <param name="UsedBytes">Bytes in use by anyone.</param>
/// <param name="FreeBytes">Bytes available to this process.</param>
public readonly record struct UfsSpace(long TotalBytes, long UsedBytes, long FreeBytes)
{
    /// <summary>The value of a field the connector cannot report.</summary>
    public const long Unknown = -1;
}
