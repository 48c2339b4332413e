namespace Alluxio.Runtime.Tests.Grains;

public interface ICancellableGrain : IGrainWithStringKey
{
    /// <summary>Waits until the token fires; reports it through the probe.</summary>
    Task WaitForCancellation(CancellationToken cancellationToken);

    /// <summary>Never finishes on its own; times out after 300 ms.</summary>
    [ResponseTimeout("00:00:00.300")]
    Task Hang(CancellationToken cancellationToken);

    Task<int> Calls();
}

public sealed class CancellableGrain(Probe probe) : Grain, ICancellableGrain
{
    private int _calls;

    public async Task WaitForCancellation(CancellationToken cancellationToken)
    {
        _calls++;
        probe.Gate("wait-started").TrySetResult();
        try
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            probe.Gate("grain-saw-cancel").TrySetResult();
            throw;
        }
    }

    public async Task Hang(CancellationToken cancellationToken)
    {
        _calls++;
        try
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            probe.Gate("hang-cancelled").TrySetResult();
            throw;
        }
    }

    public Task<int> Calls() => Task.FromResult(_calls);
}
