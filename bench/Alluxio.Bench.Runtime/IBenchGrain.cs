using Alluxio.Runtime;

namespace Alluxio.Bench.Runtime;

public interface IBenchGrain : IGrainWithIntegerKey
{
    Task<int> Ping(int value);
}

public sealed class BenchGrain : Grain, IBenchGrain
{
    private int _calls;

    public Task<int> Ping(int value) => Task.FromResult(value + ++_calls);
}
