using Alluxio.Runtime.Invocation;
using Alluxio.Runtime.Metadata;

namespace Alluxio.Runtime.Activation;

/// <summary>
/// The local activations of one stateless-worker grain id: a request goes to an idle activation, else to a new one
/// while under the limit, else to the least loaded. Lock order: the group's lock, then (inside TryEnqueue) an
/// activation's leaf lock.
/// </summary>
internal sealed class StatelessWorkerGroup(GrainId grainId, GrainClassInfo info, int maxLocal, Catalog catalog) : IActivationTarget
{
    private readonly List<ActivationData> _workers = [];

    public int ActivationCount
    {
        get
        {
            lock (_workers)
            {
                return _workers.Count;
            }
        }
    }

    public bool TryEnqueue(Request request)
    {
        while (true)
        {
            ActivationData chosen;
            lock (_workers)
            {
                chosen = Choose();
                if (chosen.TryEnqueue(request))
                {
                    return true;
                }

                _workers.Remove(chosen);
            }
        }
    }

    // Under the group's lock.
    private ActivationData Choose()
    {
        ActivationData? best = null;
        foreach (var worker in _workers)
        {
            if (worker.Load == 0)
            {
                return worker;
            }

            if (best is null || worker.Load < best.Load)
            {
                best = worker;
            }
        }

        if (best is null || _workers.Count < maxLocal)
        {
            best = catalog.CreateActivation(grainId, info);
            _workers.Add(best);
        }

        return best;
    }

    public void Remove(ActivationData activation)
    {
        lock (_workers)
        {
            _workers.Remove(activation);
        }
    }

    public Task DeactivateAsync(DeactivationReason reason)
    {
        List<ActivationData> workers;
        lock (_workers)
        {
            workers = [.. _workers];
        }

        return Task.WhenAll(workers.Select(w => w.DeactivateAsync(reason)));
    }

    public void CollectIfIdle(long nowTimestamp)
    {
        List<ActivationData> workers;
        lock (_workers)
        {
            workers = [.. _workers];
        }

        foreach (var worker in workers)
        {
            worker.CollectIfIdle(nowTimestamp);
        }
    }
}
