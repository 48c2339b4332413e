using Alluxio.Runtime.Cluster;
using Alluxio.Runtime.Invocation;
using Alluxio.Runtime.Timers;

namespace Alluxio.Runtime.Activation;

/// <summary>Activation and deactivation of an <see cref="ActivationData"/>.</summary>
internal sealed partial class ActivationData
{
    private readonly TaskCompletionSource _deactivated = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly List<GrainTimer> _timers = [];
    private IActivationLifecycleParticipant[] _participants = [];
    private bool _activated;

    /// <summary>Completes when the activation is Invalid.</summary>
    public Task Deactivated => _deactivated.Task;

    // On the turn (a work item queued by the first TryEnqueue).
    private void StartActivation()
    {
        _systemOperation = true;
        _ = RunActivationAsync();
    }

    private async Task RunActivationAsync()
    {
        using var timeout = new CancellationTokenSource(_shared.Collection.ActivationTimeout, _shared.Time);
        try
        {
            if (ClassInfo.PlacementStrategy.IsUsingGrainDirectory)
            {
                var address = new GrainAddress(GrainId, _shared.Silo.SiloAddress, ActivationId);
                var winner = await _shared.Directory.Register(address);
                if (winner.ActivationId != ActivationId)
                {
                    throw new DuplicateActivationException(GrainId, winner);
                }
            }

            var (instance, participants) = _shared.Activator.Create(this);
            GrainInstance = instance;
            _participants = participants;
            foreach (var participant in participants)
            {
                await participant.OnActivateAsync(timeout.Token);
            }

            if (instance is IGrainBase grain)
            {
                await grain.OnActivateAsync(timeout.Token);
            }

            _activated = true;
            lock (_lock)
            {
                _state = ActivationState.Valid;
            }

            LogActivated();
        }
        catch (Exception e)
        {
            var cause = timeout.IsCancellationRequested && e is OperationCanceledException
                ? new TimeoutException($"Activation of {GrainId} did not finish within {_shared.Collection.ActivationTimeout}.", e)
                : e;
            await FailActivationAsync(cause);
        }
        finally
        {
            _systemOperation = false;
        }
    }

    private async Task FailActivationAsync(Exception cause)
    {
        LogActivationFailed(cause);
        if (ClassInfo.PlacementStrategy.IsUsingGrainDirectory && cause is not DuplicateActivationException)
        {
            await UnregisterQuietly();
        }

        var leftovers = Invalidate();
        _catalog.OnActivationDestroyed(this);
        _deactivated.TrySetResult();
        foreach (var request in leftovers)
        {
            if (cause is DuplicateActivationException && request.FollowsGrain)
            {
                // Another silo's activation won the registration: the requests belong there.
                _catalog.Redispatch(GrainId, request);
            }
            else
            {
                request.Reject(cause);
            }
        }
    }

    /// <summary>Safe from any thread: deactivates once running requests finish.</summary>
    public void Deactivate(DeactivationReason reason)
    {
        bool schedule;
        lock (_lock)
        {
            if (_state is ActivationState.Deactivating or ActivationState.Invalid || _deactivationReason is not null)
            {
                return;
            }

            if (_state != ActivationState.Creating)
            {
                _deactivationReason = reason;
                schedule = !_scheduled;
                _scheduled = true;
            }
            else
            {
                // Never ran anything: nothing to tear down.
                _state = ActivationState.Invalid;
                schedule = false;
            }
        }

        if (State == ActivationState.Invalid)
        {
            _catalog.OnActivationDestroyed(this);
            _deactivated.TrySetResult();
            return;
        }

        if (schedule)
        {
            ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: false);
        }
    }

    public Task DeactivateAsync(DeactivationReason reason)
    {
        Deactivate(reason);
        return Deactivated;
    }

    public void DelayDeactivation(TimeSpan timeSpan)
    {
        var until = _shared.Time.GetTimestamp() + _shared.CollectionAgeTicks(timeSpan);
        Interlocked.Exchange(ref _keepAliveUntil, until);
    }

    public void CollectIfIdle(long nowTimestamp)
    {
        if (ClassInfo.AlwaysActive)
        {
            return;
        }

        var age = _shared.CollectionAgeTicks(ClassInfo.CollectionAge ?? _shared.Collection.CollectionAge);
        if (nowTimestamp - Interlocked.Read(ref _lastActivity) < age || nowTimestamp < Interlocked.Read(ref _keepAliveUntil))
        {
            return;
        }

        // Decide on the turn, where "idle" cannot change underneath the check.
        Post(static s =>
        {
            var (activation, now, ageTicks) = ((ActivationData, long, long))s!;
            activation.CollectOnTurn(now, ageTicks);
        }, (this, nowTimestamp, age));
    }

    private void CollectOnTurn(long nowTimestamp, long ageTicks)
    {
        bool idle;
        lock (_lock)
        {
            // Requests that do not keep the activation alive (timer ticks by default) do not make it busy either.
            idle = _state == ActivationState.Valid && Volatile.Read(ref _keepAliveLoad) == 0
                && nowTimestamp - _lastActivity >= ageTicks && nowTimestamp >= Interlocked.Read(ref _keepAliveUntil);
        }

        if (idle)
        {
            Deactivate(new DeactivationReason(DeactivationReasonCode.ActivationIdle, "The activation was idle for longer than its collection age."));
        }
    }

    // On the turn, state already Deactivating.
    private void StartDeactivation(DeactivationReason reason)
    {
        _systemOperation = true;
        _ = RunDeactivationAsync(reason);
    }

    private async Task RunDeactivationAsync(DeactivationReason reason)
    {
        LogDeactivating(reason);
        List<GrainTimer> timers;
        lock (_timers)
        {
            timers = [.. _timers];
            _timers.Clear();
        }

        foreach (var timer in timers)
        {
            timer.DisposeForDeactivation();
        }

        using var timeout = new CancellationTokenSource(_shared.Collection.DeactivationTimeout, _shared.Time);
        if (_activated && GrainInstance is IGrainBase grain)
        {
            try
            {
                await grain.OnDeactivateAsync(reason, timeout.Token);
            }
            catch (Exception e)
            {
                LogDeactivationError(e);
            }
        }

        await DisposeEnumeratorsAsync();
        try
        {
            switch (GrainInstance)
            {
                case IAsyncDisposable asyncDisposable:
                    await asyncDisposable.DisposeAsync();
                    break;
                case IDisposable disposable:
                    disposable.Dispose();
                    break;
            }
        }
        catch (Exception e)
        {
            LogDeactivationError(e);
        }

        if (ClassInfo.PlacementStrategy.IsUsingGrainDirectory)
        {
            await UnregisterQuietly();
        }

        var leftovers = Invalidate();
        _catalog.OnActivationDestroyed(this);
        _systemOperation = false;
        _deactivated.TrySetResult();

        // Requests that arrived meanwhile go to the grain's next activation.
        foreach (var request in leftovers)
        {
            if (request.FollowsGrain)
            {
                _catalog.Redispatch(GrainId, request);
            }
            else
            {
                request.Reject(new EnumerationAbortedException($"The activation of {GrainId} was deactivated ({reason.ReasonCode})."));
            }
        }
    }

    private List<Request> Invalidate()
    {
        List<Request> leftovers;
        lock (_lock)
        {
            _state = ActivationState.Invalid;
            leftovers = [.. _interleaving, .. _pending];
            _interleaving.Clear();
            _pending.Clear();
        }

        Interlocked.Add(ref _load, -leftovers.Count);
        Interlocked.Add(ref _keepAliveLoad, -leftovers.Count(r => r.KeepAlive));
        return leftovers;
    }

    private async Task UnregisterQuietly()
    {
        try
        {
            await _shared.Directory.Unregister(new GrainAddress(GrainId, _shared.Silo.SiloAddress, ActivationId));
        }
        catch (Exception e)
        {
            LogDeactivationError(e);
        }
    }

    internal void AddTimer(GrainTimer timer)
    {
        lock (_timers)
        {
            if (State is ActivationState.Deactivating or ActivationState.Invalid)
            {
                throw new InvalidOperationException($"Cannot register a timer on {GrainId}: the activation is deactivating.");
            }

            _timers.Add(timer);
        }
    }

    internal void RemoveTimer(GrainTimer timer)
    {
        lock (_timers)
        {
            _timers.Remove(timer);
        }
    }

    private void LogActivated() => ActivationLog.Activated(_shared.Logger, GrainId, ActivationId);

    private void LogActivationFailed(Exception e) => ActivationLog.ActivationFailed(_shared.Logger, e, GrainId);

    private void LogDeactivating(DeactivationReason reason) => ActivationLog.Deactivating(_shared.Logger, GrainId, reason.ToString());

    private void LogDeactivationError(Exception e) => ActivationLog.DeactivationError(_shared.Logger, e, GrainId);

    private void LogUnhandled(Exception e) => ActivationLog.Unhandled(_shared.Logger, e, GrainId);
}
