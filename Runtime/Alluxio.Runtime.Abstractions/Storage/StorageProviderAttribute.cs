namespace Alluxio.Runtime.Storage;

/// <summary>On a <see cref="Grain{TGrainState}"/> class: the storage provider that keeps its state.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class StorageProviderAttribute : Attribute
{
    /// <summary>The provider name (default "Default").</summary>
    public string ProviderName { get; init; } = ProviderConstants.DefaultStorageProviderName;
}
