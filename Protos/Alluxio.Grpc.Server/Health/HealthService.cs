using Alluxio.Protos.Grpc.Health.V1;
using ServingStatus = Alluxio.Protos.Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus;

namespace Alluxio.Grpc.Server.Health;

/// <summary>
/// The standard grpc.health.v1.Health service. Statuses are per service name; "" is the server as a whole and
/// starts SERVING. Check answers NOT_FOUND for a name that was never set (or was cleared). Watch sends the current
/// status at once and again on every change until the client cancels; an unknown name is SERVICE_UNKNOWN there (the
/// call stays open, since the service may appear later). Rapid changes may be coalesced: a watcher always ends up
/// seeing the latest status. Thread-safe; register as a singleton (AddGrpcWire does).
/// </summary>
public sealed class HealthService
{
    private readonly object _gate = new();
    private readonly Dictionary<string, ServingStatus> _statuses = new(StringComparer.Ordinal);
    private TaskCompletionSource _changed = NewSignal();
    private bool _shutdown;

    public HealthService()
    {
        _statuses[""] = ServingStatus.Serving;
    }

    /// <summary>Sets the status of <paramref name="service"/> ("" = the whole server). Ignored after <see cref="Shutdown"/>.</summary>
    public void SetStatus(string service, ServingStatus status)
    {
        ArgumentNullException.ThrowIfNull(service);
        lock (_gate)
        {
            if (_shutdown || (_statuses.TryGetValue(service, out var current) && current == status))
                return;
            _statuses[service] = status;
            Signal();
        }
    }

    /// <summary>Forgets <paramref name="service"/>: Check then answers NOT_FOUND, Watch SERVICE_UNKNOWN.</summary>
    public void ClearStatus(string service)
    {
        ArgumentNullException.ThrowIfNull(service);
        lock (_gate)
        {
            if (!_shutdown && _statuses.Remove(service))
                Signal();
        }
    }

    /// <summary>The status of <paramref name="service"/>, or null when unknown.</summary>
    public ServingStatus? GetStatus(string service)
    {
        lock (_gate)
            return _statuses.TryGetValue(service, out var status) ? status : null;
    }

    /// <summary>Marks every service NOT_SERVING for good (graceful shutdown); later SetStatus calls are ignored.</summary>
    public void Shutdown()
    {
        lock (_gate)
        {
            _shutdown = true;
            foreach (var key in _statuses.Keys.ToList())
                _statuses[key] = ServingStatus.NotServing;
            Signal();
        }
    }

    public Task<HealthCheckResponse> Check(HealthCheckRequest request, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        var status = GetStatus(request.Service)
            ?? throw new RpcException(new Status(StatusCode.NotFound, $"Unknown service '{request.Service}'."));
        return Task.FromResult(new HealthCheckResponse { Status = status });
    }

    public async Task Watch(HealthCheckRequest request, IServerStreamWriter<HealthCheckResponse> responseStream, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(responseStream);
        ArgumentNullException.ThrowIfNull(context);
        ServingStatus? sent = null;
        while (true)
        {
            ServingStatus status;
            Task changed;
            lock (_gate)
            {
                status = _statuses.TryGetValue(request.Service, out var s) ? s : ServingStatus.ServiceUnknown;
                changed = _changed.Task;
            }

            if (status != sent)
            {
                await responseStream.WriteAsync(new HealthCheckResponse { Status = status }, context.CancellationToken).ConfigureAwait(false);
                sent = status;
            }

            await changed.WaitAsync(context.CancellationToken).ConfigureAwait(false);
        }
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private void Signal()
    {
        var previous = _changed;
        _changed = NewSignal();
        previous.TrySetResult();
    }
}
