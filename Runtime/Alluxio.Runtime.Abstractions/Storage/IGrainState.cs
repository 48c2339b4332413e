namespace Alluxio.Runtime.Storage;

/// <summary>A state value with the ETag of the stored version it was read from or written as.</summary>
public interface IGrainState<TState>
{
    /// <summary>The state.</summary>
    TState State { get; set; }

    /// <summary>The stored version's tag; null when no record exists.</summary>
    string? ETag { get; set; }

    /// <summary>Whether a record exists in storage.</summary>
    bool RecordExists { get; set; }
}
