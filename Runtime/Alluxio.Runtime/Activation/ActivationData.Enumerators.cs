namespace Alluxio.Runtime.Activation;

/// <summary>The open streamed results (IAsyncEnumerable) of an <see cref="ActivationData"/>. Turn-only state.</summary>
internal sealed partial class ActivationData
{
    private Dictionary<Guid, IGrainEnumeratorState>? _enumerators;

    public int OpenEnumeratorCount => _enumerators?.Count ?? 0;

    public void AddEnumerator(Guid id, IGrainEnumeratorState state) => (_enumerators ??= [])[id] = state;

    public IGrainEnumeratorState? GetEnumerator(Guid id) =>
        _enumerators is not null && _enumerators.TryGetValue(id, out var state) ? state : null;

    public void RemoveEnumerator(Guid id) => _enumerators?.Remove(id);

    private async Task DisposeEnumeratorsAsync()
    {
        if (_enumerators is null)
        {
            return;
        }

        var open = _enumerators.Values.ToList();
        _enumerators.Clear();
        foreach (var state in open)
        {
            try
            {
                state.Cancel();
                await state.DisposeAsync();
            }
            catch (Exception e)
            {
                LogDeactivationError(e);
            }
        }
    }
}
