namespace Alluxio.Runtime.Storage;

/// <summary>
/// On a grain constructor parameter of type <see cref="IPersistentState{TState}"/>: the state's name and the storage
/// provider that keeps it (null = the default provider). The state is read before OnActivateAsync.
/// </summary>
[AttributeUsage(AttributeTargets.Parameter)]
public sealed class PersistentStateAttribute(string stateName, string? storageName = null) : Attribute
{
    /// <summary>The state's name, part of its storage key.</summary>
    public string StateName { get; } = stateName;

    /// <summary>The storage provider's name, or null for the default.</summary>
    public string? StorageName { get; } = storageName;
}
