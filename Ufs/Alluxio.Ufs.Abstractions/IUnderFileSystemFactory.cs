namespace Alluxio.Ufs;

/// <summary>
/// Creates <see cref="IUnderFileSystem"/> instances for one or more URI schemes; registered with
/// <see cref="UnderFileSystemRegistry"/>. Implementations must be thread-safe.
/// </summary>
public interface IUnderFileSystemFactory
{
    /// <summary>The schemes served, lower case (e.g. <c>file</c>; <c>s3</c> and <c>s3a</c>).</summary>
    IReadOnlyCollection<string> Schemes { get; }

    /// <summary>
    /// Creates a connector for the mount rooted at <paramref name="root"/>. Creation does not touch the UFS (use
    /// <see cref="UnderFileSystemRegistry.ValidateAsync"/> to check it). Unknown properties are ignored, as Alluxio
    /// ignores unknown mount options.
    /// </summary>
    /// <exception cref="UfsException">The URI or a property value is not acceptable to this connector.</exception>
    IUnderFileSystem Create(Uri root, IReadOnlyDictionary<string, string> properties);
}
