namespace Alluxio.Runtime.Storage;

/// <summary>A plain <see cref="IGrainState{TState}"/>.</summary>
public sealed class GrainState<TState> : IGrainState<TState>
{
    /// <summary>Creates an empty state.</summary>
    public GrainState(TState state, string? eTag = null)
    {
        State = state;
        ETag = eTag;
        RecordExists = eTag is not null;
    }

    /// <inheritdoc/>
    public TState State { get; set; }

    /// <inheritdoc/>
    public string? ETag { get; set; }

    /// <inheritdoc/>
    public bool RecordExists { get; set; }
}
