using System.Collections.Concurrent;
using Alluxio.Runtime.Cluster;
using Alluxio.Runtime.Invocation;
using Alluxio.Runtime.Metadata;
using Alluxio.Runtime.Placement;
using Microsoft.Extensions.Logging;

namespace Alluxio.Runtime.Activation;

/// <summary>
/// The silo's activations by grain id. Guarantees at most one activation per grain id in this silo (stateless
/// workers: at most their limit): a new activation is published with one atomic GetOrAdd and removed only by itself
/// once Invalid, with a compare-and-remove so a successor is never removed by mistake. For grains placed on another
/// silo it hands the request to the transport.
/// </summary>
internal sealed class Catalog(
    GrainClassRegistry registry,
    Lazy<ActivationShared> shared,
    PlacementService placement,
    IGrainDirectory directory,
    ILocalSiloDetails silo,
    TimeProvider time,
    ILogger<Catalog> logger)
{
    private readonly ConcurrentDictionary<GrainId, IActivationTarget> _targets = new();

    public int ActivationCount => _targets.Values.Sum(t => t.ActivationCount);

    /// <summary>Queues <paramref name="request"/> on the activation of <paramref name="grainId"/>, creating it if needed.</summary>
    public void Dispatch(GrainId grainId, Request request)
    {
        if (_targets.TryGetValue(grainId, out var target) && target.TryEnqueue(request))
        {
            return;
        }

        DispatchSlow(grainId, request);
    }

    /// <summary>Dispatches a request again after its activation went away.</summary>
    public void Redispatch(GrainId grainId, Request request) => Dispatch(grainId, request);

    private void DispatchSlow(GrainId grainId, Request request)
    {
        GrainClassInfo info;
        try
        {
            info = registry.GetClass(grainId.Type);
        }
        catch (Exception e)
        {
            request.Reject(e);
            return;
        }

        if (info.PlacementStrategy.IsUsingGrainDirectory && !_targets.ContainsKey(grainId))
        {
            var lookup = directory.Lookup(grainId);
            if (!lookup.IsCompletedSuccessfully)
            {
                _ = DispatchAfterLookupAsync(grainId, info, request, lookup);
                return;
            }

            if (!IsLocal(grainId, info, lookup.Result, request))
            {
                return;
            }
        }

        DispatchLocal(grainId, info, request);
    }

    private async Task DispatchAfterLookupAsync(GrainId grainId, GrainClassInfo info, Request request, ValueTask<GrainAddress?> lookup)
    {
        GrainAddress? address;
        try
        {
            address = await lookup.ConfigureAwait(false);
        }
        catch (Exception e)
        {
            request.Reject(new SiloUnavailableException($"The grain directory could not locate {grainId}.", e));
            return;
        }

        if (IsLocal(grainId, info, address, request))
        {
            DispatchLocal(grainId, info, request);
        }
    }

    // False when the request was handed elsewhere (or rejected).
    private bool IsLocal(GrainId grainId, GrainClassInfo info, GrainAddress? registered, Request request)
    {
        SiloAddress target;
        try
        {
            target = registered?.SiloAddress ?? placement.Place(info, grainId);
        }
        catch (Exception e)
        {
            request.Reject(e);
            return false;
        }

        if (target.Equals(silo.SiloAddress))
        {
            return true;
        }

        request.Reject(new SiloUnavailableException(
            $"{grainId} lives on (or was placed on) silo {target}, but this silo has no transport to other silos: remote grain calls need the cluster transport."));
        return false;
    }

    private void DispatchLocal(GrainId grainId, GrainClassInfo info, Request request)
    {
        for (var attempt = 0; ; attempt++)
        {
            var target = _targets.GetOrAdd(grainId, static (id, state) => state.Self.CreateTarget(id, state.Info), (Self: this, Info: info));
            if (target.TryEnqueue(request))
            {
                return;
            }

            // The activation became Invalid between lookup and enqueue; drop it and try a fresh one.
            _targets.TryRemove(KeyValuePair.Create(grainId, target));
            if (attempt > 1000)
            {
                request.Reject(new OrleansException($"Could not find a live activation for {grainId}."));
                return;
            }
        }
    }

    private IActivationTarget CreateTarget(GrainId grainId, GrainClassInfo info) =>
        info.PlacementStrategy is StatelessWorkerPlacement worker
            ? new StatelessWorkerGroup(grainId, info, worker.MaxLocal, this)
            : CreateActivation(grainId, info);

    public ActivationData CreateActivation(GrainId grainId, GrainClassInfo info) => new(grainId, info, shared.Value, this);

    /// <summary>Called by an activation once it is Invalid.</summary>
    public void OnActivationDestroyed(ActivationData activation)
    {
        if (_targets.TryGetValue(activation.GrainId, out var target))
        {
            if (ReferenceEquals(target, activation))
            {
                _targets.TryRemove(KeyValuePair.Create(activation.GrainId, target));
            }
            else if (target is StatelessWorkerGroup group)
            {
                group.Remove(activation);
            }
        }
    }

    /// <summary>Deactivates activations idle longer than their collection age.</summary>
    public void CollectIdleActivations()
    {
        var now = time.GetTimestamp();
        foreach (var target in _targets.Values)
        {
            target.CollectIfIdle(now);
        }
    }

    /// <summary>Deactivates every activation (silo shutdown) and waits up to <paramref name="timeout"/>.</summary>
    public async Task DeactivateAllAsync(DeactivationReason reason, TimeSpan timeout)
    {
        var targets = _targets.Values.ToList();
        ActivationLog.DeactivatingAll(logger, targets.Count, reason.ToString());
        var all = Task.WhenAll(targets.Select(t => t.DeactivateAsync(reason)));
        var finished = await Task.WhenAny(all, Task.Delay(timeout, time)).ConfigureAwait(false);
        if (finished != all)
        {
            ActivationLog.DeactivateAllTimedOut(logger, _targets.Count, timeout);
        }
    }

    /// <summary>The activation of a grain in this silo, if any (diagnostics and tests).</summary>
    public bool TryGetActivation(GrainId grainId, out ActivationData? activation)
    {
        activation = _targets.TryGetValue(grainId, out var target) ? target as ActivationData : null;
        return activation is not null;
    }
}
