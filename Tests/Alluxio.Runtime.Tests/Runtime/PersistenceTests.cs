using Alluxio.Runtime.Storage;
using Alluxio.Runtime.Tests.Grains;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Alluxio.Runtime.Tests.Runtime;

public sealed class PersistenceTests : SiloTest
{
    private IGrainStorage DefaultStorage => Silo.Services.GetRequiredKeyedService<IGrainStorage>(ProviderConstants.DefaultStorageProviderName);

    [Fact]
    public async Task State_is_written_read_back_and_cleared()
    {
        var grain = Grains.GetGrain<IStateGrain>(Guid.NewGuid());
        Assert.Null(await grain.Get());
        Assert.Null(await grain.GetEtag());
        await grain.Set("one");
        var etag = await grain.GetEtag();
        Assert.NotNull(etag);

        var stored = new GrainState<NameState>(new NameState());
        await DefaultStorage.ReadStateAsync("profile", grain.GetGrainId(), stored);
        Assert.Equal("one", stored.State.Value);
        Assert.Equal(etag, stored.ETag);

        await grain.Clear();
        Assert.Null(await grain.Get());
        await DefaultStorage.ReadStateAsync("profile", grain.GetGrainId(), stored);
        Assert.False(stored.RecordExists);
    }

    [Fact]
    public async Task An_etag_conflict_reaches_the_caller_and_the_activation_is_replaced()
    {
        var grain = Grains.GetGrain<IStateGrain>(Guid.NewGuid());
        await grain.Set("mine");
        var first = await grain.GetActivationId();

        // Someone else writes the record behind the grain's back.
        var other = new GrainState<NameState>(new NameState());
        await DefaultStorage.ReadStateAsync("profile", grain.GetGrainId(), other);
        other.State.Value = "theirs";
        await DefaultStorage.WriteStateAsync("profile", grain.GetGrainId(), other);

        await Assert.ThrowsAsync<InconsistentStateException>(() => grain.Set("mine again"));

        // The stale activation is gone; the next one reads the current state.
        Assert.Equal("theirs", await grain.Get());
        Assert.NotEqual(first, await grain.GetActivationId());
    }

    [Fact]
    public async Task Grain_of_TState_uses_its_named_provider()
    {
        var grain = Grains.GetGrain<ILegacyStateGrain>(5);
        await grain.Add(2);
        await grain.Add(3);
        Assert.Equal(5, await grain.Total());

        var alt = Silo.Services.GetRequiredKeyedService<IGrainStorage>("alt");
        var stored = new GrainState<TotalState>(new TotalState());
        await alt.ReadStateAsync("state", grain.GetGrainId(), stored);
        Assert.Equal(5, stored.State.Total);
    }
}
