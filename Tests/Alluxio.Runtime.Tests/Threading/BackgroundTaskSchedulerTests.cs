using Alluxio.Runtime.Threading;
using Xunit;

namespace Alluxio.Runtime.Tests.Threading;

public sealed class BackgroundTaskSchedulerTests
{
    [Fact]
    public async Task Async_work_runs_and_resumes_on_the_schedulers_own_low_priority_threads()
    {
        using var scheduler = new BackgroundTaskScheduler("test-background", threads: 2, niceness: 7);
        var seen = new List<(string? Name, bool Pool, int Nice)>();

        await Task.Factory.StartNew(
            async () =>
            {
                for (var i = 0; i < 3; i++)
                {
                    lock (seen)
                    {
                        seen.Add((Thread.CurrentThread.Name, Thread.CurrentThread.IsThreadPoolThread, CurrentNice()));
                    }

                    await Task.Delay(5); // completes on a timer thread; the continuation comes back to the scheduler
                }
            },
            CancellationToken.None,
            TaskCreationOptions.DenyChildAttach,
            scheduler).Unwrap();

        Assert.Equal(3, seen.Count);
        Assert.All(seen, s => Assert.Equal("test-background", s.Name));
        Assert.All(seen, s => Assert.False(s.Pool));
        if (OperatingSystem.IsLinux())
        {
            Assert.True(scheduler.Lowered);
            Assert.All(seen, s => Assert.Equal(7, s.Nice));
        }

        Assert.Equal(0, await Task.Run(CurrentNice)); // the pool's threads are untouched
    }

    [Fact]
    public async Task Disposing_stops_taking_work_and_queued_work_still_runs()
    {
        var scheduler = new BackgroundTaskScheduler("test-background", threads: 1, niceness: 0);
        using var gate = new ManualResetEventSlim();
        var first = Task.Factory.StartNew(() => gate.Wait(TimeSpan.FromSeconds(30)), CancellationToken.None, TaskCreationOptions.None, scheduler);
        var second = Task.Factory.StartNew(() => 42, CancellationToken.None, TaskCreationOptions.None, scheduler);

        scheduler.Dispose();
        gate.Set();

        Assert.True(await first);
        Assert.Equal(42, await second);
        Assert.Throws<TaskSchedulerException>(() => { _ = Task.Factory.StartNew(() => { }, CancellationToken.None, TaskCreationOptions.None, scheduler); });
    }

    /// <summary>This thread's nice value (field 19 of /proc/thread-self/stat), 0 off Linux.</summary>
    private static int CurrentNice()
    {
        if (!OperatingSystem.IsLinux())
        {
            return 0;
        }

        var stat = File.ReadAllText("/proc/thread-self/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' '); // after "pid (comm) ": field 3 onwards
        return int.Parse(fields[19 - 3], System.Globalization.CultureInfo.InvariantCulture);
    }
}
