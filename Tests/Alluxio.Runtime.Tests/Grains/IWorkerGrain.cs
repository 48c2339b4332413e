namespace Alluxio.Runtime.Tests.Grains;

public interface IWorkerGrain : IGrainWithIntegerKey
{
    Task<Guid> Work(string gate);
}

[StatelessWorker(3)]
public sealed class WorkerGrain(Probe probe) : Grain, IWorkerGrain
{
    public async Task<Guid> Work(string gate)
    {
        probe.Enter();
        try
        {
            await probe.Gate(gate).Task;
            return GrainContext.ActivationId;
        }
        finally
        {
            probe.Exit();
        }
    }
}
