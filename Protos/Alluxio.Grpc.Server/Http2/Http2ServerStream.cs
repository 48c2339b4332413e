using System.Buffers;
using System.IO.Pipelines;
using Alluxio.Grpc.Http2;
using Alluxio.Grpc.Http2.Hpack;
using Alluxio.Grpc.Protocol;
using Alluxio.Grpc.Server.Internal;
using Microsoft.Extensions.DependencyInjection;

namespace Alluxio.Grpc.Server.Http2;

/// <summary>
/// One request stream of <see cref="Http2ServerConnection"/> and the gRPC call on it. The connection's read loop
/// fills the request body from DATA frames (<see cref="ReceiveAsync"/>); the call reads it, writes its response into
/// <see cref="ResponseBody"/> and flushes it out as HEADERS and DATA frames under HTTP/2 flow control, and the stream
/// ends with the trailers (<see cref="CompleteAsync"/>).
/// <para>
/// Threads: the read loop alone writes the request pipe and completes it; the call alone touches the response.
/// A reset (by the client, or the connection going down) cancels <see cref="Aborted"/>, fails window waits and
/// pending reads; nothing is sent on a reset stream. Request bytes are accounted twice for flow control: the
/// stream's window is the client's, given back as the call examines them (<see cref="Http2RequestBody"/>); bytes
/// still buffered when the stream ends are given back to the connection's window then (<c>_unconsumed</c> turns
/// negative to mark that end, so a frame that lands at the same moment is credited by the read loop instead).
/// </para>
/// </summary>
internal sealed class Http2ServerStream : IServerCallTransport, IDisposable
{
    private const long Ended = long.MinValue / 2;

    // Never paused: the stream's flow-control window bounds what the read loop may put in.
    private static readonly PipeOptions RequestPipeOptions = new(pauseWriterThreshold: 0, resumeWriterThreshold: 0, minimumSegmentSize: 16 * 1024, useSynchronizationContext: false);

    private readonly Http2ServerConnection _connection;
    private readonly Pipe _request;
    private PooledBufferWriter _response = new(); // what the call writes into
    private PooledBufferWriter? _spare; // the other buffer, free once _sending completed
    private Task _sending = Task.CompletedTask; // the flush in flight: at most one
    private readonly List<KeyValuePair<string, string>> _responseHeaders = [new(":status", "200")];
    private readonly CancellationTokenSource _aborted = new();
    private IReadOnlyList<KeyValuePair<string, string>>? _endFields;
    private bool _trailersOnly;
    private IServiceScope? _scope;
    private volatile bool _headersSent;
    private volatile bool _reset;
    private volatile bool _requestEnded;
    private long _unconsumed;
    private int _receiveWindow;
    private int _unacknowledged;

    public Http2ServerStream(Http2ServerConnection connection, int id, RequestHead head, int sendWindow, int receiveWindow)
    {
        _connection = connection;
        Id = id;
        Head = head;
        SendWindow = new Http2SendWindow(sendWindow);
        _receiveWindow = receiveWindow;
        _request = new Pipe(RequestPipeOptions);
        RequestBody = new Http2RequestBody(_request.Reader, Examined);
    }

    public int Id { get; }

    public RequestHead Head { get; }

    /// <summary>The client's window for this stream's responses.</summary>
    public Http2SendWindow SendWindow { get; }

    /// <summary>Whether DATA for this stream is still taken into its request body.</summary>
    public bool AcceptsData => !_requestEnded && !_reset && Volatile.Read(ref _unconsumed) >= 0;

    public string Peer => _connection.Peer;

    public CancellationToken Aborted => _aborted.Token;

    public IServiceProvider RequestServices => (_scope ??= _connection.Services.CreateScope()).ServiceProvider;

    public PipeReader RequestBody { get; }

    public IBufferWriter<byte> ResponseBody => _response;

    public bool ResponseStarted => _headersSent;

    public string? RequestHeader(string name) => Head[name];

    public IEnumerable<KeyValuePair<string, string>> RequestHeaders() => Head.Fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value));

    public void SetResponseHeader(string name, string value)
    {
        _responseHeaders.RemoveAll(h => h.Key == name);
        _responseHeaders.Add(new(name, value));
    }

    public void AppendResponseHeader(string name, string value) => _responseHeaders.Add(new(name, value));

    /// <summary>
    /// Hands what the response holds to a send of its own and returns, after the previous flush's send is done: the
    /// call writes its next message while this one goes out (as it does into Kestrel's pipe), and runs at most one
    /// message ahead of flow control and the socket. A failed send fails the next flush (or the end of the call).
    /// </summary>
    public async ValueTask<bool> FlushAsync(CancellationToken cancellationToken)
    {
        await _sending.WaitAsync(cancellationToken).ConfigureAwait(false);
        if (_reset)
            throw new OperationCanceledException($"Stream {Id} was reset.", Aborted);
        if (_response.WrittenCount == 0 && _headersSent)
            return true;
        var data = _response;
        _response = _spare ?? new PooledBufferWriter();
        _spare = null;
        _sending = SendBufferAsync(data);
        return true;
    }

    public void EndCall(IReadOnlyList<KeyValuePair<string, string>> fields, bool trailersOnly)
    {
        _endFields = fields;
        _trailersOnly = trailersOnly && !_headersSent;
    }

    /// <summary>
    /// Takes <paramref name="length"/> bytes of a DATA frame (read loop only): the stream's window must hold them;
    /// they are read from <paramref name="reader"/> into the request body unless the call no longer reads it (then they
    /// are dropped and credited straight back to the connection).
    /// </summary>
    /// <exception cref="Http2Exception">The client overran the stream's window (a stream error).</exception>
    public async ValueTask ReceiveAsync(Http2FrameReader reader, int length, CancellationToken cancellationToken)
    {
        if (Interlocked.Add(ref _receiveWindow, -length) < 0)
        {
            await reader.SkipAsync(length, cancellationToken).ConfigureAwait(false); // the frame is read whole, so the next one is where it should be
            _connection.CreditConnection(length);
            throw Http2Exception.Stream(Id, Http2ErrorCode.FlowControlError, $"The client sent {length} bytes past stream {Id}'s window.");
        }

        if (!AcceptsData)
        {
            await reader.SkipAsync(length, cancellationToken).ConfigureAwait(false);
            _connection.CreditConnection(length);
            return;
        }

        var writer = _request.Writer;
        var left = length;
        while (left > 0)
        {
            var memory = writer.GetMemory(Math.Min(left, 256 * 1024));
            var n = await reader.ReadSomeAsync(memory[..Math.Min(left, memory.Length)], cancellationToken).ConfigureAwait(false);
            writer.Advance(n);
            left -= n;
        }

        await writer.FlushAsync(CancellationToken.None).ConfigureAwait(false);
        if (Interlocked.Add(ref _unconsumed, length) < 0)
            _connection.CreditConnection(length); // the stream ended meanwhile: nobody will consume them
    }

    /// <summary>The client's END_STREAM (read loop only).</summary>
    public void EndRequest()
    {
        _requestEnded = true;
        _request.Writer.Complete();
    }

    /// <summary>
    /// The stream is reset (RST_STREAM from the client, or the connection is gone): the call is cancelled and
    /// nothing more is sent. Any thread.
    /// </summary>
    public void Abort(Exception reason)
    {
        if (_reset)
            return;
        _reset = true;
        try
        {
            _aborted.Cancel();
        }
        catch (AggregateException)
        {
            // A callback of the call's token failed; the call sees the cancellation anyway.
        }

        // A write after a reset fails as a cancelled one, as on Kestrel (the handler's usual cancellation path).
        SendWindow.Close(new OperationCanceledException($"Stream {Id} was reset: {reason.Message}", reason, _aborted.Token));
    }

    /// <summary>Fails the request body's pending and later reads with <paramref name="reason"/> unless it ended (read loop only).</summary>
    public void FailRequest(Exception reason)
    {
        if (_requestEnded)
            return;
        _requestEnded = true;
        _request.Writer.Complete(reason);
    }

    /// <summary>Sends the end of the call (after the handler returned): trailers, or a Trailers-Only response.</summary>
    public async Task CompleteAsync()
    {
        if (_reset)
            return;
        await _sending.ConfigureAwait(false);
        var fields = _endFields ?? [new(GrpcProtocol.StatusHeader, GrpcProtocol.StatusToString(StatusCode.Unknown))];
        if (_trailersOnly && _response.WrittenCount == 0)
        {
            var all = new List<KeyValuePair<string, string>>(_responseHeaders);
            all.AddRange(fields);
            await using var lease = await _connection.Writer.AcquireAsync().ConfigureAwait(false);
            await lease.WriteHeadersAsync(Id, Encode(all), endStream: true).ConfigureAwait(false);
            _headersSent = true;
        }
        else
        {
            try
            {
                await SendAsync(_response.WrittenMemory, fields, Aborted).ConfigureAwait(false);
            }
            finally
            {
                _response.Reset();
            }
        }
    }

    /// <summary>Answers a request that never reached a call (bad method or content type, unknown rpc): headers with END_STREAM.</summary>
    public async Task RespondAsync(IReadOnlyList<KeyValuePair<string, string>> headers)
    {
        await using var lease = await _connection.Writer.AcquireAsync().ConfigureAwait(false);
        await lease.WriteHeadersAsync(Id, Encode(headers), endStream: true).ConfigureAwait(false);
        _headersSent = true;
    }

    /// <summary>The call is over: the request body is dropped and its unread bytes credited to the connection.</summary>
    public void Finish()
    {
        _request.Reader.Complete();
        var unread = Interlocked.Exchange(ref _unconsumed, Ended);
        if (unread > 0)
            _connection.CreditConnection((int)unread);
    }

    /// <summary>Whether the client has ended its side (so the stream needs no reset once the response is sent).</summary>
    public bool RequestEnded => _requestEnded;

    public bool IsReset => _reset;

    /// <summary>
    /// Returns the response buffer and ends the call's service scope. <see cref="Aborted"/>'s source stays undisposed:
    /// it has no timer to release, and the read loop may still reset a stream it found just before it ended.
    /// </summary>
    public void Dispose()
    {
        _scope?.Dispose();
        var (response, spare) = (_response, _spare);
        if (_sending.IsCompleted)
        {
            response.Dispose();
            spare?.Dispose();
        }
        else
        {
            // A send still in flight owns its buffer: return both once it is done.
            _ = _sending.ContinueWith(_ =>
            {
                response.Dispose();
                _spare?.Dispose();
            }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }
    }

    /// <summary>Sends one flushed buffer, then keeps it as the spare.</summary>
    private async Task SendBufferAsync(PooledBufferWriter data)
    {
        try
        {
            await SendAsync(data.WrittenMemory, trailers: null, Aborted).ConfigureAwait(false);
        }
        finally
        {
            data.Reset();
            _spare = data;
        }
    }

    private void Examined(int count)
    {
        Interlocked.Add(ref _unconsumed, -count);
        _connection.CreditConnection(count);
        if (_requestEnded || _reset)
            return;
        var pending = Interlocked.Add(ref _unacknowledged, count);
        if (pending >= _connection.StreamWindowSize / 2 && Interlocked.CompareExchange(ref _unacknowledged, 0, pending) == pending)
        {
            Interlocked.Add(ref _receiveWindow, pending);
            _connection.SendWindowUpdate(Id, pending);
        }
    }

    /// <summary>Sends <paramref name="data"/> as DATA frames (headers first if not sent yet), then <paramref name="trailers"/> if given.</summary>
    private async ValueTask SendAsync(ReadOnlyMemory<byte> data, IReadOnlyList<KeyValuePair<string, string>>? trailers, CancellationToken cancellationToken)
    {
        if (_reset)
            throw new OperationCanceledException($"Stream {Id} was reset.", Aborted);
        if (data.IsEmpty && _headersSent && trailers is null)
            return;
        var offset = 0;
        try
        {
            do
            {
                var granted = 0;
                if (offset < data.Length)
                    granted = await _connection.TakeSendWindowAsync(this, Math.Min(data.Length - offset, _connection.PeerMaxFrameSize), cancellationToken).ConfigureAwait(false);
                await using var lease = await _connection.Writer.AcquireAsync(cancellationToken).ConfigureAwait(false);
                if (_reset)
                    throw new OperationCanceledException($"Stream {Id} was reset.", Aborted);
                if (!_headersSent)
                {
                    await lease.WriteHeadersAsync(Id, Encode(_responseHeaders), endStream: false).ConfigureAwait(false);
                    _headersSent = true;
                }

                if (granted > 0)
                {
                    await lease.WriteFrameAsync(new Http2FrameHeader(granted, Http2FrameType.Data, Http2FrameFlags.None, Id), data.Slice(offset, granted)).ConfigureAwait(false);
                    offset += granted;
                }

                if (offset == data.Length && trailers is not null)
                    await lease.WriteHeadersAsync(Id, Encode(trailers), endStream: true).ConfigureAwait(false);
            }
            while (offset < data.Length);
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException)
        {
            // A failed write leaves the connection unusable; to the call it is a cancellation, as on Kestrel.
            _connection.Fail(e);
            Abort(e);
            throw new OperationCanceledException($"Stream {Id}: the connection was lost: {e.Message}", e, Aborted);
        }
    }

    private static ReadOnlyMemory<byte> Encode(IReadOnlyList<KeyValuePair<string, string>> headers)
    {
        var block = new ArrayBufferWriter<byte>(256);
        foreach (var (name, value) in headers)
            HpackEncoder.Encode(block, name, value);
        return block.WrittenMemory;
    }
}
