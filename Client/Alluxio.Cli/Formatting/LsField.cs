namespace Alluxio.Cli.Formatting;

/// <summary>The fields ls can sort by (--sort) and the timestamps it can show (--timestamp), with Alluxio's names.</summary>
public static class LsField
{
    public const string Name = "name";
    public const string Path = "path";
    public const string Size = "size";
    public const string CreationTime = "creationTime";
    public const string LastModificationTime = "lastModificationTime";
    public const string LastAccessTime = "lastAccessTime";
    public const string InMemoryPercentage = "inMemoryPercentage";

    public static readonly string[] SortFields = [CreationTime, InMemoryPercentage, LastAccessTime, LastModificationTime, Name, Path, Size];

    public static readonly string[] TimestampFields = [CreationTime, LastAccessTime, LastModificationTime];
}
