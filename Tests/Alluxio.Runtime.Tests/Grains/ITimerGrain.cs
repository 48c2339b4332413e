namespace Alluxio.Runtime.Tests.Grains;

public interface ITimerGrain : IGrainWithStringKey
{
    Task Start(TimeSpan due, TimeSpan period, bool interleave);

    Task<int> Ticks();

    Task StopTimer();

    /// <summary>Holds the turn until the gate opens.</summary>
    [ResponseTimeout("00:00:10")]
    Task Hold(string gate);
}

public sealed class TimerGrain(Probe probe) : Grain, ITimerGrain
{
    private IGrainTimer? _timer;
    private int _ticks;
    private bool _holding;

    public Task Start(TimeSpan due, TimeSpan period, bool interleave)
    {
        _timer = this.RegisterGrainTimer(_ =>
        {
            _ticks++;
            probe.Events.Enqueue(_holding ? "tick-during-hold" : "tick");
            return Task.CompletedTask;
        }, new GrainTimerCreationOptions(due, period) { Interleave = interleave });
        return Task.CompletedTask;
    }

    public Task<int> Ticks() => Task.FromResult(_ticks);

    public Task StopTimer()
    {
        _timer?.Dispose();
        return Task.CompletedTask;
    }

    public async Task Hold(string gate)
    {
        _holding = true;
        probe.Gate(gate + "-held").TrySetResult();
        await probe.Gate(gate).Task;
        _holding = false;
    }
}
