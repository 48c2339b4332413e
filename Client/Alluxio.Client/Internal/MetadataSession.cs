using System.Collections.Concurrent;
using System.Threading.Channels;
using Alluxio.Grains.Exceptions;
using Alluxio.Grpc;
using Alluxio.Protos.Grpc.File;

namespace Alluxio.Client.Internal;

/// <summary>
/// The client side of a metadata session: calls from any number of threads are queued, written in batches on one
/// duplex stream, and completed by id as responses arrive. If the stream breaks, every call in flight fails with
/// <see cref="UnavailableException"/> and the session is marked <see cref="Broken"/> (the owner opens a new one).
/// A call abandoned by its caller (timeout, cancellation) still runs on the server; its response is dropped.
/// </summary>
internal sealed class MetadataSession : IAsyncDisposable
{
    private static readonly Method<MetadataRequestBatch, MetadataResponseBatch> Method =
        Method<MetadataRequestBatch, MetadataResponseBatch>.From(FileSystemMasterReflection.Descriptor.Services[0], "MetadataSession");

    private readonly AsyncDuplexStreamingCall<MetadataRequestBatch, MetadataResponseBatch> _call;
    private readonly Channel<MetadataRequest> _outbox = Channel.CreateBounded<MetadataRequest>(new BoundedChannelOptions(65_536) { SingleReader = true });
    private readonly ConcurrentDictionary<long, TaskCompletionSource<MetadataResponse>> _pending = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _writer;
    private readonly Task _reader;
    private long _nextId;
    private volatile Exception? _broken;

    public MetadataSession(GrpcChannel channel, Metadata headers)
    {
        _call = channel.DuplexStreaming(Method, new CallOptions(headers, cancellationToken: _stop.Token));
        _writer = Task.Run(WriteLoopAsync);
        _reader = Task.Run(ReadLoopAsync);
    }

    /// <summary>Set once the stream failed; new calls must use a new session.</summary>
    public bool Broken => _broken is not null;

    public async Task<MetadataResponse> CallAsync(MetadataRequest request, TimeSpan timeout, CancellationToken cancellationToken)
    {
        if (_broken is { } broken)
        {
            throw Unavailable(broken);
        }

        var id = Interlocked.Increment(ref _nextId);
        request.Id = id;
        var completion = new TaskCompletionSource<MetadataResponse>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending[id] = completion;
        try
        {
            await _outbox.Writer.WriteAsync(request, cancellationToken);
            return await completion.Task.WaitAsync(timeout, cancellationToken);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"The master did not answer in time ({timeout}).");
        }
        catch (ChannelClosedException)
        {
            throw Unavailable(_broken);
        }
        finally
        {
            _pending.TryRemove(id, out _);
        }
    }

    private async Task WriteLoopAsync()
    {
        try
        {
            var reader = _outbox.Reader;
            while (await reader.WaitToReadAsync(_stop.Token))
            {
                // Let callers running right now add theirs: bigger batches, fewer frames and wake-ups (+10% calls/s
                // with 32 callers on two cores), for one thread-pool hop of latency.
                await Task.Yield();
                var batch = new MetadataRequestBatch();
                while (batch.Requests.Count < 1024 && reader.TryRead(out var request))
                {
                    batch.Requests.Add(request);
                }

                await _call.RequestStream.WriteAsync(batch);
            }

            await _call.RequestStream.CompleteAsync();
        }
        catch (Exception e)
        {
            Fail(e);
        }
    }

    private async Task ReadLoopAsync()
    {
        try
        {
            while (await _call.ResponseStream.MoveNext(_stop.Token))
            {
                foreach (var response in _call.ResponseStream.Current.Responses)
                {
                    if (_pending.TryRemove(response.Id, out var completion))
                    {
                        completion.TrySetResult(response);
                    }
                }
            }

            Fail(new RpcException(new Status(StatusCode.Unavailable, "The master closed the metadata session.")));
        }
        catch (Exception e)
        {
            Fail(e);
        }
    }

    private void Fail(Exception cause)
    {
        if (Interlocked.CompareExchange(ref _broken, cause, null) is not null)
        {
            return;
        }

        _outbox.Writer.TryComplete();
        foreach (var id in _pending.Keys)
        {
            if (_pending.TryRemove(id, out var completion))
            {
                completion.TrySetException(Unavailable(cause));
            }
        }
    }

    private static UnavailableException Unavailable(Exception? cause) => cause switch
    {
        RpcException rpc => new UnavailableException($"The metadata session to the master failed: {rpc.Status.Detail}", rpc),
        null => new UnavailableException("The metadata session to the master is closed."),
        _ => new UnavailableException($"The metadata session to the master failed: {cause.Message}", cause),
    };

    public async ValueTask DisposeAsync()
    {
        _outbox.Writer.TryComplete();
        await _stop.CancelAsync();
        try
        {
            await Task.WhenAll(_writer, _reader);
        }
        catch (OperationCanceledException)
        {
            // Stopped.
        }

        _call.Dispose();
        _stop.Dispose();
    }
}
