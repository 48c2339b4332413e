using System.Collections.Concurrent;

namespace Alluxio.Runtime.Tests.Grains;

/// <summary>A silo service the test grains report to, so tests observe activations, turns and lifecycles.</summary>
public sealed class Probe
{
    private int _inFlight;
    private int _maxInFlight;

    public ConcurrentQueue<string> Events { get; } = new();

    public ConcurrentDictionary<string, int> Activations { get; } = new();

    public ConcurrentDictionary<string, int> Deactivations { get; } = new();

    public ConcurrentDictionary<string, TaskCompletionSource> Gates { get; } = new();

    public int MaxInFlight => Volatile.Read(ref _maxInFlight);

    public TaskCompletionSource Gate(string name) => Gates.GetOrAdd(name, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));

    public void Enter()
    {
        var now = Interlocked.Increment(ref _inFlight);
        int seen;
        while (now > (seen = Volatile.Read(ref _maxInFlight)) && Interlocked.CompareExchange(ref _maxInFlight, now, seen) != seen)
        {
        }
    }

    public void Exit() => Interlocked.Decrement(ref _inFlight);
}
