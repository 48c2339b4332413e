using Alluxio.Runtime.Activation;
using Alluxio.Runtime.Configuration;
using Alluxio.Runtime.Invocation;
using Alluxio.Runtime.Metadata;
using Alluxio.Runtime.References;
using Microsoft.Extensions.Options;

namespace Alluxio.Runtime.Messaging;

/// <summary>
/// The caller side of a grain call: copies arguments, links cancellation, starts the timeout and hands the request to
/// the catalog, which finds or creates the activation (or, in a cluster, the transport to the owning silo).
/// </summary>
internal sealed class GrainCallDispatcher(Catalog catalog, CallTimeoutTracker timeouts, IOptions<SiloMessagingOptions> options)
{
    private readonly TimeSpan _defaultTimeout = options.Value.ResponseTimeout;

    public CallTimeoutTracker Timeouts => timeouts;

    public Catalog Catalog => catalog;

    public int AsyncEnumerableBatchSize { get; } = options.Value.AsyncEnumerableBatchSize;

    public Task<TResult> Send<TResult>(GrainMethod<TResult> method, GrainProxy reference, object?[] args)
    {
        method.CopyArguments(args);
        var request = new GrainCallRequest<TResult>(this, method, args, reference);
        if (!request.SetUpCancellation())
        {
            return request.Task;
        }

        if (!method.IsOneWay)
        {
            var timeout = method.ResponseTimeout ?? _defaultTimeout;
            if (timeout != Timeout.InfiniteTimeSpan)
            {
                timeouts.Register(request, timeouts.DeadlineAfter(timeout));
            }
        }

        catalog.Dispatch(reference.GrainId, request);
        return method.IsOneWay ? System.Threading.Tasks.Task.FromResult(default(TResult)!) : request.Task;
    }

    /// <summary>Registers a request of a streamed result with the method's timeout.</summary>
    public void TrackTimeout(Request request, GrainMethod method)
    {
        var timeout = method.ResponseTimeout ?? _defaultTimeout;
        if (timeout != Timeout.InfiniteTimeSpan)
        {
            timeouts.Register(request, timeouts.DeadlineAfter(timeout));
        }
    }

    public TimeSpan TimeoutOf(GrainMethod method) => method.ResponseTimeout ?? _defaultTimeout;
}
