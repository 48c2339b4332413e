using System.Collections.Concurrent;
using System.Diagnostics.Tracing;

namespace Alluxio.Bench.Metadata;

/// <summary>
/// With --gc-trace: the benchmark client's garbage collections by reason and depth, and its allocations by type
/// (the runtime samples one allocation per ~100 KB), from the runtime's own event source. For profiling the SDK.
/// </summary>
internal sealed class GcListener : EventListener
{
    private const EventKeywords GcKeyword = (EventKeywords)0x1;
    private readonly ConcurrentDictionary<string, long> _collections = new();
    private readonly ConcurrentDictionary<string, long> _allocations = new();

    /// <summary>Writes what was seen since the last report to stderr, then forgets it.</summary>
    public void Report()
    {
        foreach (var (what, count) in _collections.OrderByDescending(kv => kv.Value))
        {
            Console.Error.WriteLine($"    GC {what}: {count}");
        }

        foreach (var (type, samples) in _allocations.OrderByDescending(kv => kv.Value).Take(12))
        {
            Console.Error.WriteLine($"    allocated {type}: ~{samples * 100:N0} KB");
        }

        _collections.Clear();
        _allocations.Clear();
    }

    protected override void OnEventSourceCreated(EventSource source)
    {
        if (source.Name == "Microsoft-Windows-DotNETRuntime")
        {
            EnableEvents(source, EventLevel.Verbose, GcKeyword);
        }
    }

    protected override void OnEventWritten(EventWrittenEventArgs e)
    {
        if (e.EventName is null || e.Payload is null || e.PayloadNames is null)
        {
            return;
        }

        if (e.EventName.StartsWith("GCStart", StringComparison.Ordinal))
        {
            _collections.AddOrUpdate($"gen{Field(e, "Depth")} (reason {Field(e, "Reason")})", 1, (_, n) => n + 1);
        }
        else if (e.EventName.StartsWith("GCAllocationTick", StringComparison.Ordinal))
        {
            var heap = Field(e, "AllocationKind") switch { "0" => "", "1" => " (large object heap)", var kind => $" (kind {kind})" };
            _allocations.AddOrUpdate(Field(e, "TypeName") + heap, 1, (_, n) => n + 1);
        }
    }

    private static string Field(EventWrittenEventArgs e, string name)
    {
        var index = e.PayloadNames!.IndexOf(name);
        return index < 0 ? "?" : e.Payload![index]?.ToString() ?? "?";
    }
}
