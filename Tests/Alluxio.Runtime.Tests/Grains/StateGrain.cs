using Alluxio.Runtime.Storage;

namespace Alluxio.Runtime.Tests.Grains;

public sealed class NameState
{
    public string? Value { get; set; }
}

public sealed class StateGrain([PersistentState("profile")] IPersistentState<NameState> profile, Probe probe) : Grain, IStateGrain
{
    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        probe.Events.Enqueue($"activate-state {profile.State.Value ?? "<none>"}");
        return Task.CompletedTask;
    }

    public async Task Set(string value)
    {
        profile.State.Value = value;
        await profile.WriteStateAsync();
    }

    public Task<string?> Get() => Task.FromResult(profile.State.Value);

    public Task<string?> GetEtag() => Task.FromResult(profile.Etag);

    public Task Clear() => profile.ClearStateAsync();

    public Task<Guid> GetActivationId() => Task.FromResult(GrainContext.ActivationId);
}
