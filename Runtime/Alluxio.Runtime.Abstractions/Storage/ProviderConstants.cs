namespace Alluxio.Runtime.Storage;

/// <summary>Well-known provider names.</summary>
public static class ProviderConstants
{
    /// <summary>The name of the default grain storage provider.</summary>
    public const string DefaultStorageProviderName = "Default";
}
