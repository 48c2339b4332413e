namespace Alluxio.Runtime.Tests.Grains;

public sealed class CounterGrain(Probe probe) : Grain, ICounterGrain
{
    private int _count;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        probe.Activations.AddOrUpdate(IdentityString, 1, (_, n) => n + 1);
        return Task.CompletedTask;
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        probe.Deactivations.AddOrUpdate(IdentityString, 1, (_, n) => n + 1);
        probe.Events.Enqueue($"deactivate {this.GetPrimaryKeyString()} {reason.ReasonCode}");
        return Task.CompletedTask;
    }

    public Task<int> Increment() => Task.FromResult(++_count);

    public Task<int> Get() => Task.FromResult(_count);

    public Task<Guid> GetActivationId() => Task.FromResult(GrainContext.ActivationId);

    public Task<string> GetKey() => Task.FromResult(this.GetPrimaryKeyString());

    public Task Deactivate()
    {
        DeactivateOnIdle();
        return Task.CompletedTask;
    }

    public Task Fail(string message) => throw new InvalidOperationException(message);

    public async Task<int> FailCustom(int code)
    {
        await Task.Yield();
        throw new CounterException(code);
    }

    public ValueTask<int> GetValueTask() => ValueTask.FromResult(_count);

    public ValueTask Touch() => ValueTask.CompletedTask;
}

public sealed class CounterException(int code) : Exception($"counter failed with code {code}")
{
    public int Code { get; } = code;
}
