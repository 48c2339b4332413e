using Alluxio.Runtime;
using Alluxio.Runtime.Storage;

namespace Alluxio.Bench.Runtime;

public interface IBenchStateGrain : IGrainWithIntegerKey
{
    Task Write(int value);
}

public sealed class BenchState
{
    public int Value { get; set; }

    public string Text { get; set; } = "a grain state of a few dozen bytes";
}

public sealed class BenchStateGrain([PersistentState("bench")] IPersistentState<BenchState> state) : Grain, IBenchStateGrain
{
    public Task Write(int value)
    {
        state.State.Value = value;
        return state.WriteStateAsync();
    }
}
