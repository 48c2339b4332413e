using System.Collections.Concurrent;
using System.Runtime.CompilerServices;

namespace Alluxio.Grains.Metrics;

/// <summary>
/// The silo's counters (a singleton of the silo's services): incremented where the work happens — the worker's data
/// path, the persister, the master's rpc handlers — and read by <c>GetMetrics</c> (<c>alluxio fsadmin report
/// metrics</c>). Counts start at 0 when the silo starts; they are not persisted. Thread-safe and lock-free.
/// </summary>
public sealed class MetricsRegistry
{
    private readonly ConcurrentDictionary<string, StrongBox<long>> _counters = new(StringComparer.Ordinal);

    public MetricsRegistry()
    {
        foreach (var name in MetricNames.Counters)
        {
            _counters[name] = new StrongBox<long>();
        }
    }

    /// <summary>Adds <paramref name="delta"/> to a counter (created at 0 if new).</summary>
    public void Add(string name, long delta = 1) =>
        Interlocked.Add(ref _counters.GetOrAdd(name, static _ => new StrongBox<long>()).Value, delta);

    /// <summary>A counter's value (0 if never counted).</summary>
    public long Get(string name) => _counters.TryGetValue(name, out var box) ? Interlocked.Read(ref box.Value) : 0;

    /// <summary>Every counter and its value now.</summary>
    public IReadOnlyDictionary<string, long> Snapshot() =>
        _counters.ToDictionary(p => p.Key, p => Interlocked.Read(ref p.Value.Value), StringComparer.Ordinal);

    /// <summary>Counts one call of <paramref name="operation"/>, and its success if it returns.</summary>
    public async Task CountAsync(MasterOperation operation, Func<Task> call)
    {
        Add(operation.Ops);
        await call();
        if (operation.Succeeded is { } succeeded)
        {
            Add(succeeded);
        }
    }

    /// <summary>Counts one call of <paramref name="operation"/>, and its success if it returns its result.</summary>
    public async Task<T> CountAsync<T>(MasterOperation operation, Func<Task<T>> call)
    {
        Add(operation.Ops);
        var result = await call();
        if (operation.Succeeded is { } succeeded)
        {
            Add(succeeded);
        }

        return result;
    }
}
