namespace Alluxio.Runtime.Storage;

/// <summary>
/// A grain with one persisted state of type <typeparamref name="TGrainState"/>, stored by the provider named in
/// <see cref="StorageProviderAttribute"/> under the state name "state". The state is read before OnActivateAsync.
/// </summary>
public abstract class Grain<TGrainState> : Grain
{
    private IStorage<TGrainState>? _storage;

    /// <summary>Creates the grain (see <see cref="Grain()"/>).</summary>
    protected Grain()
    {
    }

    /// <summary>The state.</summary>
    protected TGrainState State
    {
        get => Storage.State;
        set => Storage.State = value;
    }

    private IStorage<TGrainState> Storage => _storage ?? throw new InvalidOperationException("The grain's state is not attached yet.");

    /// <summary>Re-reads the state.</summary>
    protected Task ReadStateAsync() => Storage.ReadStateAsync();

    /// <summary>Writes the state.</summary>
    protected Task WriteStateAsync() => Storage.WriteStateAsync();

    /// <summary>Clears the stored state.</summary>
    protected Task ClearStateAsync() => Storage.ClearStateAsync();

    /// <summary>Attaches the storage; called by the runtime before the state is read.</summary>
    internal void AttachStorage(IStorage<TGrainState> storage) => _storage = storage;
}
