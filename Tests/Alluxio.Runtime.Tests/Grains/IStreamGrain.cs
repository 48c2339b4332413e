using System.Runtime.CompilerServices;

namespace Alluxio.Runtime.Tests.Grains;

public interface IStreamGrain : IGrainWithStringKey
{
    IAsyncEnumerable<int> Range(int count);

    IAsyncEnumerable<int> RangeThenFail(int count);

    IAsyncEnumerable<int> Slow(int count, CancellationToken cancellationToken);

    IAsyncEnumerable<List<int>> Lists(int count);

    Task<int> Ping();
}

public sealed class StreamGrain(Probe probe) : Grain, IStreamGrain
{
    private readonly List<int> _shared = [1, 2, 3];

    public async IAsyncEnumerable<int> Range(int count)
    {
        try
        {
            for (var i = 0; i < count; i++)
            {
                if (i % 100 == 0)
                {
                    await Task.Yield();
                }

                yield return i;
            }
        }
        finally
        {
            probe.Events.Enqueue("range-finally");
            probe.Gate("range-finally").TrySetResult();
        }
    }

    public async IAsyncEnumerable<int> RangeThenFail(int count)
    {
        for (var i = 0; i < count; i++)
        {
            await Task.Yield();
            yield return i;
        }

        throw new InvalidOperationException("stream broke");
    }

    public async IAsyncEnumerable<int> Slow(int count, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        for (var i = 0; i < count; i++)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(1), cancellationToken);
            yield return i;
        }
    }

    public async IAsyncEnumerable<List<int>> Lists(int count)
    {
        for (var i = 0; i < count; i++)
        {
            await Task.Yield();
            yield return _shared;
        }
    }

    public Task<int> Ping() => Task.FromResult(_shared.Sum());
}
