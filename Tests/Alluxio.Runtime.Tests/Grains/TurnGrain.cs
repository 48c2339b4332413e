namespace Alluxio.Runtime.Tests.Grains;

public abstract class TurnGrainBase(Probe probe) : Grain, ITurnCalls
{
    private int _inFlight;
    private int _maxInFlight;

    public async Task Work(int index)
    {
        Enter();
        probe.Events.Enqueue($"start {index}");
        await Task.Yield();
        await Task.Delay(1);
        await Task.Yield();
        probe.Events.Enqueue($"end {index}");
        Exit();
    }

    public async Task WaitForGate(string gate)
    {
        Enter();
        try
        {
            await probe.Gate(gate).Task;
        }
        finally
        {
            Exit();
        }
    }

    public Task OpenGate(string gate)
    {
        probe.Gate(gate).TrySetResult();
        return Task.CompletedTask;
    }

    public Task OpenGateInterleaved(string gate) => OpenGate(gate);

    public async Task<int> ReadWhileGated(string gate)
    {
        Enter();
        try
        {
            await probe.Gate(gate).Task;
            return _maxInFlight;
        }
        finally
        {
            Exit();
        }
    }

    public Task<int> MaxInFlight() => Task.FromResult(_maxInFlight);

    // Grain state: touched only on the activation's turns, so no synchronisation (that is what is under test).
    private void Enter()
    {
        _inFlight++;
        _maxInFlight = Math.Max(_maxInFlight, _inFlight);
        probe.Enter();
    }

    private void Exit()
    {
        _inFlight--;
        probe.Exit();
    }
}

public sealed class TurnGrain(Probe probe) : TurnGrainBase(probe), ITurnGrain;

/// <summary>The same grain, reentrant.</summary>
[Reentrant]
public sealed class ReentrantTurnGrain(Probe probe) : TurnGrainBase(probe), IReentrantTurnGrain;
