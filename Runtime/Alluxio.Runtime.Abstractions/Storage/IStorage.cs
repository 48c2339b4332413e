namespace Alluxio.Runtime.Storage;

/// <summary>A grain's view of one persisted state.</summary>
public interface IStorage<TState>
{
    /// <summary>The current in-memory state (read on activation).</summary>
    TState State { get; set; }

    /// <summary>The ETag of the stored version.</summary>
    string? Etag { get; }

    /// <summary>Whether a record exists in storage.</summary>
    bool RecordExists { get; }

    /// <summary>Re-reads the state from storage.</summary>
    Task ReadStateAsync();

    /// <summary>Writes the state; throws <see cref="InconsistentStateException"/> on a conflicting write.</summary>
    Task WriteStateAsync();

    /// <summary>Removes the stored record and resets the state to its default.</summary>
    Task ClearStateAsync();
}
