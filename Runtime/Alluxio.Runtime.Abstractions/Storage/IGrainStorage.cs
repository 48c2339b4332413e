namespace Alluxio.Runtime.Storage;

/// <summary>
/// A grain state store with optimistic concurrency. Contract (checked by the storage conformance suite):
/// <list type="bullet">
/// <item>Read: fills State, ETag and RecordExists; a missing record leaves State as given, ETag null, RecordExists false.</item>
/// <item>Write: succeeds only if the stored ETag equals <c>grainState.ETag</c> (null = no record may exist), then stores
/// the state and sets a new ETag that was never used before for that record (no ABA, even across clear and restart).
/// A mismatch throws <see cref="InconsistentStateException"/> and changes nothing. A completed write is durable.</item>
/// <item>Clear: same ETag check; removes the record; afterwards ETag is null and RecordExists false.</item>
/// <item>Records are keyed by (state name, grain type, grain key): two grain types never share a record.</item>
/// <item>Operations on different records are independent; concurrent writers of one record see exactly one winner.</item>
/// </list>
/// </summary>
public interface IGrainStorage
{
    /// <summary>Reads the record into <paramref name="grainState"/>.</summary>
    Task ReadStateAsync<TState>(string stateName, GrainId grainId, IGrainState<TState> grainState);

    /// <summary>Writes <paramref name="grainState"/> if its ETag matches and updates the ETag.</summary>
    Task WriteStateAsync<TState>(string stateName, GrainId grainId, IGrainState<TState> grainState);

    /// <summary>Removes the record if the ETag matches.</summary>
    Task ClearStateAsync<TState>(string stateName, GrainId grainId, IGrainState<TState> grainState);
}
