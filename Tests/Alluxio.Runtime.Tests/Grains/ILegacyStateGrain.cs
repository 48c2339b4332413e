using Alluxio.Runtime.Storage;

namespace Alluxio.Runtime.Tests.Grains;

public interface ILegacyStateGrain : IGrainWithIntegerKey
{
    Task Add(int amount);

    Task<int> Total();
}

public sealed class TotalState
{
    public int Total { get; set; }
}

/// <summary>A Grain&lt;TState&gt; grain (the older Orleans style).</summary>
[StorageProvider(ProviderName = "alt")]
public sealed class LegacyStateGrain : Grain<TotalState>, ILegacyStateGrain
{
    public async Task Add(int amount)
    {
        State.Total += amount;
        await WriteStateAsync();
    }

    public Task<int> Total() => Task.FromResult(State.Total);
}
