using System.Diagnostics;

namespace Alluxio.Bench.Grpc;

/// <summary>
/// Benchmarks run interleaved (one run of each in turn, after a warm-up of each), so load from other processes on a
/// shared machine and JIT tiering spread over all of them instead of penalising whichever runs first.
/// </summary>
internal sealed class Measure(BenchOptions options)
{
    private readonly List<Bench> _benches = [];

    public void Unary(string name, Func<Task> call) => _benches.Add(new Bench(name, "calls/s", async () =>
    {
        var (count, elapsed) = await RunCallers(call, options.Callers, TimeSpan.FromSeconds(options.Seconds));
        return (count / elapsed.TotalSeconds, count);
    }, ops => $"{ops:N0} B/call (client+server)"));

    public void Stream(string name, Func<Task<long>> read) => _benches.Add(new Bench(name, "GB/s", async () =>
    {
        var watch = Stopwatch.StartNew();
        var bytes = await read();
        return (bytes / watch.Elapsed.TotalSeconds / 1e9, bytes / (1024.0 * 1024.0));
    }, ops => $"{ops:N0} B/MiB"));

    public async Task<List<Result>> RunAsync()
    {
        foreach (var bench in _benches)
        {
            Console.WriteLine($"  warm-up: {bench.Name}");
            await bench.Once();
            await bench.Once();
        }

        for (var run = 0; run < options.Runs; run++)
        {
            foreach (var bench in _benches)
            {
                var gc = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));
                var before = GC.GetTotalAllocatedBytes(false);
                var (value, ops) = await bench.Once();
                bench.Allocated += GC.GetTotalAllocatedBytes(false) - before;
                bench.Ops += ops;
                bench.Gen0 += GC.CollectionCount(0) - gc.Item1;
                bench.Gen1 += GC.CollectionCount(1) - gc.Item2;
                bench.Gen2 += GC.CollectionCount(2) - gc.Item3;
                bench.Values.Add(value);
                Console.WriteLine($"  run {run + 1}: {bench.Name}: {value:0.00} {bench.Unit}");
            }
        }

        return _benches.Select(b => new Result(b.Name, b.Unit, [.. b.Values], b.DescribeAllocation(b.Allocated / b.Ops), $"{b.Gen0}/{b.Gen1}/{b.Gen2}")).ToList();
    }

    private static async Task<(long Count, TimeSpan Elapsed)> RunCallers(Func<Task> call, int callers, TimeSpan duration)
    {
        long count = 0;
        var stop = 0;
        var watch = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, callers).Select(_ => Task.Run(async () =>
        {
            long local = 0;
            while (Volatile.Read(ref stop) == 0)
            {
                await call();
                local++;
            }

            Interlocked.Add(ref count, local);
        })).ToArray();
        await Task.Delay(duration); // the measurement window, not synchronisation
        Volatile.Write(ref stop, 1);
        await Task.WhenAll(workers);
        return (count, watch.Elapsed);
    }

    private sealed class Bench(string name, string unit, Func<Task<(double Value, double Ops)>> once, Func<double, string> describeAllocation)
    {
        public string Name => name;

        public string Unit => unit;

        public List<double> Values { get; } = [];

        public double Allocated { get; set; }

        public double Ops { get; set; }

        public int Gen0 { get; set; }

        public int Gen1 { get; set; }

        public int Gen2 { get; set; }

        public Func<Task<(double Value, double Ops)>> Once => once;

        public string DescribeAllocation(double perOp) => describeAllocation(perOp);
    }
}
