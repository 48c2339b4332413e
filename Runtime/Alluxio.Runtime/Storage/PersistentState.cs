using Alluxio.Runtime.Activation;

namespace Alluxio.Runtime.Storage;

/// <summary>
/// A grain's persisted state: read from its provider before OnActivateAsync, written and cleared on demand with
/// ETag checks (a conflict throws <see cref="InconsistentStateException"/> and deactivates the activation).
/// </summary>
internal sealed class PersistentState<TState> : IPersistentState<TState>, IActivationLifecycleParticipant
{
    private readonly string _stateName;
    private readonly IGrainContext _context;
    private readonly IGrainStorage _storage;
    private readonly GrainState<TState> _state;

    public PersistentState(string stateName, IGrainContext context, IGrainStorage storage)
    {
        ArgumentException.ThrowIfNullOrEmpty(stateName);
        _stateName = stateName;
        _context = context;
        _storage = storage;
        _state = new GrainState<TState>(CreateDefault());
    }

    public TState State
    {
        get => _state.State;
        set => _state.State = value;
    }

    public string? Etag => _state.ETag;

    public bool RecordExists => _state.RecordExists;

    public Task OnActivateAsync(CancellationToken cancellationToken) => ReadStateAsync();

    public Task ReadStateAsync() => _storage.ReadStateAsync(_stateName, _context.GrainId, _state);

    public Task WriteStateAsync() => _storage.WriteStateAsync(_stateName, _context.GrainId, _state);

    public async Task ClearStateAsync()
    {
        await _storage.ClearStateAsync(_stateName, _context.GrainId, _state);
        _state.State = CreateDefault();
    }

    internal static TState CreateDefault()
    {
        var type = typeof(TState);
        if (type.IsValueType || type.GetConstructor(Type.EmptyTypes) is not null)
        {
            return Activator.CreateInstance<TState>();
        }

        return default!;
    }
}
