using Alluxio.Runtime.Configuration;
using Alluxio.Runtime.Invocation;
using Microsoft.Extensions.Options;

namespace Alluxio.Runtime.Messaging;

/// <summary>
/// Fails calls whose deadline passed. Pending calls sit in intrusive doubly-linked lists, striped by thread so that
/// registering and completing a call costs two short uncontended locks and no allocation; a timer walks the stripes
/// every <see cref="SiloMessagingOptions.ResponseTimeoutCheckPeriod"/>. Lock order: a stripe lock is a leaf; timeout
/// callbacks run after it is released.
/// </summary>
internal sealed class CallTimeoutTracker : IDisposable
{
    private readonly Stripe[] _stripes;
    private readonly TimeProvider _time;
    private readonly ITimer _timer;

    public CallTimeoutTracker(TimeProvider time, IOptions<SiloMessagingOptions> options)
    {
        _time = time;
        _stripes = new Stripe[Math.Max(4, Environment.ProcessorCount * 4)];
        for (var i = 0; i < _stripes.Length; i++)
        {
            _stripes[i] = new Stripe();
        }

        var period = options.Value.ResponseTimeoutCheckPeriod;
        _timer = time.CreateTimer(static s => ((CallTimeoutTracker)s!).Sweep(), this, period, period);
    }

    public int PendingCount => _stripes.Sum(s => s.Count);

    public long Now => _time.GetTimestamp();

    public long DeadlineAfter(TimeSpan timeout) => _time.GetTimestamp() + (long)(timeout.TotalSeconds * _time.TimestampFrequency);

    /// <summary>Tracks <paramref name="request"/> until <see cref="Unregister"/> or its deadline.</summary>
    public void Register(Request request, long deadlineTimestamp)
    {
        request.DeadlineTimestamp = deadlineTimestamp;
        var index = (int)((uint)Environment.CurrentManagedThreadId % (uint)_stripes.Length);
        var stripe = _stripes[index];
        lock (stripe)
        {
            request.TimeoutStripe = index;
            request.TimeoutNext = stripe.Head;
            request.TimeoutPrev = null;
            if (stripe.Head is not null)
            {
                stripe.Head.TimeoutPrev = request;
            }

            stripe.Head = request;
            stripe.Count++;
        }
    }

    /// <summary>Stops tracking; safe to call more than once and for untracked requests.</summary>
    public void Unregister(Request request)
    {
        var index = Volatile.Read(ref request.TimeoutStripe);
        if (index < 0)
        {
            return;
        }

        var stripe = _stripes[index];
        lock (stripe)
        {
            if (request.TimeoutStripe < 0)
            {
                return;
            }

            Unlink(stripe, request);
        }
    }

    private static void Unlink(Stripe stripe, Request request)
    {
        if (request.TimeoutPrev is not null)
        {
            request.TimeoutPrev.TimeoutNext = request.TimeoutNext;
        }
        else
        {
            stripe.Head = request.TimeoutNext;
        }

        if (request.TimeoutNext is not null)
        {
            request.TimeoutNext.TimeoutPrev = request.TimeoutPrev;
        }

        request.TimeoutPrev = null;
        request.TimeoutNext = null;
        request.TimeoutStripe = -1;
        stripe.Count--;
    }

    /// <summary>Times out every expired call (public for tests driving a manual clock).</summary>
    public void Sweep()
    {
        var now = _time.GetTimestamp();
        List<Request>? expired = null;
        foreach (var stripe in _stripes)
        {
            lock (stripe)
            {
                for (var r = stripe.Head; r is not null;)
                {
                    var next = r.TimeoutNext;
                    if (r.DeadlineTimestamp <= now)
                    {
                        Unlink(stripe, r);
                        (expired ??= []).Add(r);
                    }

                    r = next;
                }
            }
        }

        if (expired is null)
        {
            return;
        }

        foreach (var r in expired)
        {
            r.OnTimeout();
        }
    }

    public void Dispose() => _timer.Dispose();

    private sealed class Stripe
    {
        public Request? Head;
        public int Count;
    }
}
