using Alluxio.Runtime.Activation;

namespace Alluxio.Runtime.Invocation;

/// <summary>
/// One unit of work addressed to an activation: a grain call, a timer tick or a step of a streamed result.
/// Lifecycle: queued on an activation → admitted (<see cref="Start"/>, on the activation's turn) → completed, when the
/// request calls <see cref="ActivationData.OnRequestCompleted"/> exactly once; or rejected (<see cref="Reject"/>)
/// without running when its activation fails or the silo stops.
/// </summary>
internal abstract class Request
{
    /// <summary>May run alongside any other request (AlwaysInterleave, interleaving timers, enumerator disposal).</summary>
    public bool IsAlwaysInterleave { get; init; }

    /// <summary>Read-only: may interleave with other read-only requests.</summary>
    public bool IsReadOnly { get; init; }

    /// <summary>Counts as activity that keeps the activation from idle collection.</summary>
    public bool KeepAlive { get; init; } = true;

    // Intrusive links for the call-timeout tracker's stripe (guarded by that stripe's lock).
    internal Request? TimeoutPrev;
    internal Request? TimeoutNext;
    internal int TimeoutStripe = -1;
    internal long DeadlineTimestamp;

    /// <summary>
    /// Whether a request still queued when its activation deactivates goes to the grain's next activation (calls do);
    /// requests bound to one activation (timer ticks, steps of a streamed result) are rejected instead.
    /// </summary>
    public virtual bool FollowsGrain => true;

    /// <summary>Runs the request on <paramref name="activation"/>'s turn.</summary>
    public abstract void Start(ActivationData activation);

    /// <summary>Fails the request without running it.</summary>
    public abstract void Reject(Exception reason);

    /// <summary>Called by the timeout tracker when the deadline passed before completion.</summary>
    public virtual void OnTimeout()
    {
    }

    /// <summary>A short description for logs and timeout messages.</summary>
    public abstract override string ToString();
}
