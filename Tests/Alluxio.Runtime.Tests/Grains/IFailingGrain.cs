namespace Alluxio.Runtime.Tests.Grains;

public interface IFailingActivationGrain : IGrainWithStringKey
{
    Task<string> Hello();
}

public sealed class FailingActivationGrain(Probe probe) : Grain, IFailingActivationGrain
{
    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var attempts = probe.Activations.AddOrUpdate(IdentityString, 1, (_, n) => n + 1);
        if (attempts == 1)
        {
            throw new InvalidDataException("first activation fails");
        }

        return Task.CompletedTask;
    }

    public Task<string> Hello() => Task.FromResult("hello");
}

public interface IGreeter : IGrainWithStringKey
{
    Task<string> Greet();
}

public sealed class EnglishGreeterGrain : Grain, IGreeter
{
    public Task<string> Greet() => Task.FromResult("hello");
}

public sealed class FrenchGreeterGrain : Grain, IGreeter
{
    public Task<string> Greet() => Task.FromResult("bonjour");
}

public interface IChainGrain : IGrainWithIntegerKey
{
    /// <summary>Calls the next grain in the chain down to zero and sums the keys.</summary>
    Task<long> SumDown();
}

public sealed class ChainGrain : Grain, IChainGrain
{
    public async Task<long> SumDown()
    {
        var key = this.GetPrimaryKeyLong();
        if (key == 0)
        {
            return 0;
        }

        return key + await GrainFactory.GetGrain<IChainGrain>(key - 1).SumDown();
    }
}
