namespace Alluxio.Runtime.Tests.Grains;

public interface IPocoGrain : IGrainWithStringKey
{
    Task<string> Describe();

    Task<string> AskFriend(string friend);
}

/// <summary>A grain that does not derive from Grain: it gets its context injected.</summary>
public sealed class PocoGrain(IGrainContext context, IGrainFactory factory) : IGrainBase, IPocoGrain
{
    private bool _activated;

    public IGrainContext GrainContext { get; } = context;

    public Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _activated = true;
        return Task.CompletedTask;
    }

    public Task<string> Describe() => Task.FromResult($"{GrainContext.GrainId} activated={_activated}");

    public async Task<string> AskFriend(string friend)
    {
        var me = this.AsReference<IPocoGrain>();
        var other = factory.GetGrain<IPocoGrain>(friend);
        return $"{me.GetPrimaryKeyString()} -> {await other.Describe()}";
    }
}
