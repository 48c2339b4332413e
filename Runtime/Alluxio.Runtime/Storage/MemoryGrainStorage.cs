using System.Globalization;

namespace Alluxio.Runtime.Storage;

/// <summary>
/// <see cref="IGrainStorage"/> in process memory, for tests and throw-away silos. State is stored serialized, so a
/// grain's later mutations never leak into the store, and it keeps the full ETag contract (checked by the same
/// conformance suite as the durable providers). Nothing survives the process.
/// </summary>
public sealed class MemoryGrainStorage(IGrainStorageSerializer serializer) : IGrainStorage
{
    private readonly object _lock = new();
    private readonly Dictionary<(string State, GrainId Grain), (long ETag, byte[] Payload)> _records = [];
    private long _lastEtag;

    /// <summary>Stored records.</summary>
    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _records.Count;
            }
        }
    }

    /// <inheritdoc/>
    public Task ReadStateAsync<TState>(string stateName, GrainId grainId, IGrainState<TState> grainState)
    {
        (long ETag, byte[] Payload) record;
        bool found;
        lock (_lock)
        {
            found = _records.TryGetValue((stateName, grainId), out record);
        }

        if (found)
        {
            grainState.State = serializer.Deserialize<TState>(record.Payload);
            grainState.ETag = Format(record.ETag);
            grainState.RecordExists = true;
        }
        else
        {
            grainState.ETag = null;
            grainState.RecordExists = false;
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc/>
    public Task WriteStateAsync<TState>(string stateName, GrainId grainId, IGrainState<TState> grainState)
    {
        var payload = serializer.Serialize(grainState.State);
        lock (_lock)
        {
            Check(stateName, grainId, grainState.ETag, "write");
            var etag = ++_lastEtag;
            _records[(stateName, grainId)] = (etag, payload);
            grainState.ETag = Format(etag);
            grainState.RecordExists = true;
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc/>
    public Task ClearStateAsync<TState>(string stateName, GrainId grainId, IGrainState<TState> grainState)
    {
        lock (_lock)
        {
            Check(stateName, grainId, grainState.ETag, "clear");
            _records.Remove((stateName, grainId));
            grainState.ETag = null;
            grainState.RecordExists = false;
        }

        return Task.CompletedTask;
    }

    // Under _lock.
    private void Check(string stateName, GrainId grainId, string? expected, string operation)
    {
        var stored = _records.TryGetValue((stateName, grainId), out var record) ? Format(record.ETag) : null;
        if (!string.Equals(stored, expected, StringComparison.Ordinal))
        {
            throw new InconsistentStateException($"Cannot {operation} state '{stateName}' of {grainId}: it was changed by someone else.", stored, expected);
        }
    }

    private static string Format(long etag) => etag.ToString(CultureInfo.InvariantCulture);
}
