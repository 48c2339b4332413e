using Alluxio.Runtime.Threading;
using Xunit;

namespace Alluxio.Runtime.Tests.Threading;

public sealed class DedicatedThreadSchedulerTests
{
    [Fact]
    public async Task Async_work_runs_and_resumes_on_the_schedulers_own_threads()
    {
        using var scheduler = new DedicatedThreadScheduler("test-dedicated", threads: 2);
        var seen = new List<(string? Name, bool Pool)>();

        await Task.Factory.StartNew(
            async () =>
            {
                for (var i = 0; i < 3; i++)
                {
                    lock (seen)
                    {
                        seen.Add((Thread.CurrentThread.Name, Thread.CurrentThread.IsThreadPoolThread));
                    }

                    await Task.Run(static () => { }); // completes on a pool thread; the continuation comes back to the scheduler
                }
            },
            CancellationToken.None,
            TaskCreationOptions.DenyChildAttach,
            scheduler).Unwrap();

        Assert.Equal(3, seen.Count);
        Assert.All(seen, s => Assert.Equal("test-dedicated", s.Name));
        Assert.All(seen, s => Assert.False(s.Pool));
    }

    [Fact]
    public async Task Disposing_stops_taking_work_and_queued_work_still_runs()
    {
        var scheduler = new DedicatedThreadScheduler("test-dedicated", threads: 1);
        using var gate = new ManualResetEventSlim();
        var first = Task.Factory.StartNew(() => gate.Wait(TimeSpan.FromSeconds(30)), CancellationToken.None, TaskCreationOptions.None, scheduler);
        var second = Task.Factory.StartNew(() => 42, CancellationToken.None, TaskCreationOptions.None, scheduler);

        scheduler.Dispose();
        gate.Set();

        Assert.True(await first);
        Assert.Equal(42, await second);
        Assert.Throws<TaskSchedulerException>(() => { _ = Task.Factory.StartNew(() => { }, CancellationToken.None, TaskCreationOptions.None, scheduler); });
    }
}
