using System.Buffers;
using Alluxio.Grpc.Http2;
using Alluxio.Grpc.Http2.Hpack;
using Microsoft.Extensions.Logging;

namespace Alluxio.Grpc.Server.Http2;

/// <summary>
/// The server side of one HTTP/2 connection (RFC 9113): the preface and SETTINGS exchange, then a read loop that
/// checks and dispatches every frame; each request stream becomes an <see cref="Http2ServerStream"/> whose call runs
/// on the thread pool. Responses of all streams share one <see cref="Http2FrameWriter"/>.
/// <para>
/// Invariants: only the read loop reads the socket, decodes headers (HPACK state is per connection and in order)
/// and writes request pipes; frames go out whole under the writer's lock; a call never blocks the read loop (DATA
/// beyond a stream's window is a flow-control error, not a wait). Locks: <see cref="_gate"/> guards the stream
/// table and counters and is never held across an await or while taking the writer's lock.
/// A connection error sends GOAWAY with its code and closes the connection; a stream error resets that stream only.
/// </para>
/// </summary>
internal sealed partial class Http2ServerConnection
{
    private static readonly byte[] s_preface = "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n"u8.ToArray();
    private const int MaxQueuedControlFrames = 1024;

    private readonly Http2GrpcServer _server;
    private readonly Stream _stream;
    private readonly Http2FrameReader _reader;
    private readonly HpackDecoder _decoder = new();
    private readonly Http2Settings _peerSettings = new();
    private readonly Http2SendWindow _sendWindow = new(Http2Settings.DefaultWindowSize);
    private readonly Dictionary<int, Http2ServerStream> _streams = [];
    private readonly object _gate = new();
    private readonly CancellationTokenSource _closed = new();
    private readonly ArrayBufferWriter<byte> _headerBlock = new();
    private readonly List<HeaderField> _fields = [];
    private readonly TaskCompletionSource _drained = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _queuedControl;
    private int _lastStreamId;
    private int _active; // streams whose call has not finished
    private bool _goingAway;
    private int _receiveWindow; // the connection's window we granted the client
    private int _unacknowledged;
    private int _headerStreamId; // the stream whose header block is being continued, 0 when none
    private bool _headerEndStream;
    private bool _headerSelfDependent; // the block's HEADERS made the stream depend on itself: a stream error once decoded

    public Http2ServerConnection(Http2GrpcServer server, Stream stream, string peer)
    {
        _server = server;
        _stream = stream;
        Peer = peer;
        _reader = new Http2FrameReader(stream);
        Writer = new Http2FrameWriter(stream);
    }

    public string Peer { get; }

    public IServiceProvider Services => _server.Services;

    public Http2FrameWriter Writer { get; }

    /// <summary>The client's SETTINGS_MAX_FRAME_SIZE.</summary>
    public int PeerMaxFrameSize => _peerSettings.MaxFrameSize;

    /// <summary>The stream window this side announced.</summary>
    public int StreamWindowSize => Options.StreamWindowSize;

    /// <summary>Completes when the connection is closed.</summary>
    public Task Closed => _drained.Task;

    private Http2GrpcServerOptions Options => _server.Options;
    private ILogger Logger => _server.Logger;

    /// <summary>Runs the connection until it closes; never throws.</summary>
    public async Task RunAsync()
    {
        Exception? failure = null;
        try
        {
            await HandshakeAsync().ConfigureAwait(false);
            await ReadFramesAsync().ConfigureAwait(false);
        }
        catch (Http2Exception e) when (!e.IsStreamError)
        {
            failure = e;
            Log.ConnectionError(Logger, Peer, e.ErrorCode, e.Message);
            await TrySendGoAwayAsync(e.ErrorCode, e.Message).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or OperationCanceledException or System.Security.Authentication.AuthenticationException)
        {
            failure = e;
            if (!_closed.IsCancellationRequested)
                Log.ConnectionLost(Logger, Peer, e.Message);
        }
        catch (Exception e)
        {
            failure = e;
            Log.ConnectionFailed(Logger, Peer, e);
            await TrySendGoAwayAsync(Http2ErrorCode.InternalError, "internal error").ConfigureAwait(false);
        }
        finally
        {
            var reason = new IOException("The HTTP/2 connection closed" + (failure is null ? "." : ": " + failure.Message), failure);
            Close();
            _sendWindow.Close(reason);
            List<Http2ServerStream> streams;
            lock (_gate)
                streams = [.. _streams.Values];
            foreach (var stream in streams)
            {
                stream.Abort(reason);
                stream.FailRequest(reason);
            }

            await WaitForCallsAsync().ConfigureAwait(false);
            Writer.Dispose();
            _drained.TrySetResult();
        }
    }

    /// <summary>Stops taking streams (GOAWAY NO_ERROR); the connection closes once the open ones are done.</summary>
    public async Task ShutdownAsync()
    {
        bool idle;
        lock (_gate)
        {
            if (_goingAway)
                return;
            _goingAway = true;
            idle = _active == 0;
        }

        await TrySendGoAwayAsync(Http2ErrorCode.NoError, "server shutting down").ConfigureAwait(false);
        if (idle)
            Close();
    }

    /// <summary>Closes the transport: the read loop ends and every stream is reset.</summary>
    public void Close()
    {
        if (_closed.IsCancellationRequested)
            return;
        try
        {
            _closed.Cancel();
        }
        catch (AggregateException)
        {
        }

        _stream.Dispose();
    }

    /// <summary>A write failed: the connection is unusable.</summary>
    public void Fail(Exception reason)
    {
        Log.ConnectionLost(Logger, Peer, reason.Message);
        Close();
    }

    /// <summary>Takes send credit for <paramref name="stream"/>: from its window, then from the connection's.</summary>
    public async ValueTask<int> TakeSendWindowAsync(Http2ServerStream stream, int wanted, CancellationToken cancellationToken)
    {
        var fromStream = await stream.SendWindow.TakeAsync(wanted, cancellationToken).ConfigureAwait(false);
        int granted;
        try
        {
            granted = await _sendWindow.TakeAsync(fromStream, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            stream.SendWindow.Return(fromStream);
            throw;
        }

        if (granted < fromStream)
            stream.SendWindow.Return(fromStream - granted);
        return granted;
    }

    /// <summary>Request bytes left the connection's buffers (consumed, or dropped): the client may send as many again.</summary>
    public void CreditConnection(int count)
    {
        if (count <= 0)
            return;
        var pending = Interlocked.Add(ref _unacknowledged, count);
        if (pending >= Options.ConnectionWindowSize / 4 && Interlocked.CompareExchange(ref _unacknowledged, 0, pending) == pending)
        {
            Interlocked.Add(ref _receiveWindow, pending);
            SendWindowUpdate(0, pending);
        }
    }

    /// <summary>Sends a WINDOW_UPDATE in the background (a failure means the connection is going down anyway).</summary>
    public void SendWindowUpdate(int streamId, int increment) =>
        QueueControl(static (lease, s) => lease.WriteWindowUpdateAsync(s.streamId, s.increment), (streamId, increment));

    private async Task HandshakeAsync()
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(_closed.Token);
        timeout.CancelAfter(Options.HandshakeTimeout);
        var preface = new byte[s_preface.Length];
        try
        {
            await _reader.ReadExactlyAsync(preface, timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!_closed.IsCancellationRequested)
        {
            throw new IOException($"No HTTP/2 preface within {Options.HandshakeTimeout}.");
        }

        if (!preface.AsSpan().SequenceEqual(s_preface))
        {
            if (LooksLikeHttp1(preface))
            {
                await _stream.WriteAsync("HTTP/1.1 426 Upgrade Required\r\nUpgrade: h2c\r\nConnection: close\r\nContent-Length: 0\r\n\r\n"u8.ToArray()).ConfigureAwait(false);
                throw new IOException("An HTTP/1.x request on an HTTP/2-only port (answered 426).");
            }

            throw Http2Exception.Connection(Http2ErrorCode.ProtocolError, "The connection did not start with the HTTP/2 preface.");
        }

        var settings = new Http2Settings
        {
            EnablePush = false,
            MaxConcurrentStreams = Options.MaxConcurrentStreams,
            InitialWindowSize = Options.StreamWindowSize,
            MaxFrameSize = Options.MaxFrameSize,
            MaxHeaderListSize = Options.MaxHeaderListSize,
        }.Encode();
        _receiveWindow = Options.ConnectionWindowSize;
        await using (var lease = await Writer.AcquireAsync(_closed.Token).ConfigureAwait(false))
        {
            await lease.WriteFrameAsync(new Http2FrameHeader(settings.Length, Http2FrameType.Settings, Http2FrameFlags.None, 0), settings).ConfigureAwait(false);
            if (Options.ConnectionWindowSize > Http2Settings.DefaultWindowSize)
                await lease.WriteWindowUpdateAsync(0, Options.ConnectionWindowSize - Http2Settings.DefaultWindowSize).ConfigureAwait(false);
        }
    }

    private static bool LooksLikeHttp1(ReadOnlySpan<byte> start) =>
        start.StartsWith("GET "u8) || start.StartsWith("POST "u8) || start.StartsWith("PUT "u8) || start.StartsWith("HEAD "u8)
        || start.StartsWith("OPTIONS "u8) || start.StartsWith("DELETE "u8) || start.StartsWith("PATCH "u8);

    private async Task ReadFramesAsync()
    {
        var first = true;
        var control = new byte[256];
        while (true)
        {
            Http2FrameHeader? next;
            using (var idle = IdleToken())
            {
                try
                {
                    next = await _reader.ReadHeaderAsync(cancellationToken: idle?.Token ?? _closed.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (!_closed.IsCancellationRequested)
                {
                    Log.IdleClosed(Logger, Peer, Options.IdleTimeout);
                    await TrySendGoAwayAsync(Http2ErrorCode.NoError, "idle").ConfigureAwait(false);
                    return;
                }
            }

            if (next is not { } header)
                return; // the client closed the connection
            if (header.Length > Options.MaxFrameSize)
                throw Http2Exception.Connection(Http2ErrorCode.FrameSizeError, $"A {header.Type} frame of {header.Length} bytes is over the {Options.MaxFrameSize} announced.");
            if (first && header.Type != Http2FrameType.Settings)
                throw Http2Exception.Connection(Http2ErrorCode.ProtocolError, "The client's first frame is not SETTINGS.");
            first = false;
            if (_headerStreamId != 0 && header.Type != Http2FrameType.Continuation)
                throw Http2Exception.Connection(Http2ErrorCode.ProtocolError, $"A {header.Type} frame interrupts the header block of stream {_headerStreamId}.");

            try
            {
                switch (header.Type)
                {
                    case Http2FrameType.Data:
                        await OnDataAsync(header).ConfigureAwait(false);
                        break;
                    case Http2FrameType.Headers:
                        await OnHeadersAsync(header).ConfigureAwait(false);
                        break;
                    case Http2FrameType.Continuation:
                        await OnContinuationAsync(header).ConfigureAwait(false);
                        break;
                    case Http2FrameType.Priority:
                        await ReadControlAsync(header, control, exactLength: 5, onStream: true).ConfigureAwait(false);
                        break;
                    case Http2FrameType.RstStream:
                        OnRstStream(header, await ReadControlAsync(header, control, exactLength: 4, onStream: true).ConfigureAwait(false));
                        break;
                    case Http2FrameType.Settings:
                        await OnSettingsAsync(header).ConfigureAwait(false);
                        break;
                    case Http2FrameType.PushPromise:
                        throw Http2Exception.Connection(Http2ErrorCode.ProtocolError, "A client may not send PUSH_PROMISE.");
                    case Http2FrameType.Ping:
                        OnPing(header, await ReadControlAsync(header, control, exactLength: 8, onStream: false).ConfigureAwait(false));
                        break;
                    case Http2FrameType.GoAway:
                        await OnGoAwayAsync(header).ConfigureAwait(false);
                        break;
                    case Http2FrameType.WindowUpdate:
                        OnWindowUpdate(header, await ReadControlAsync(header, control, exactLength: 4, onStream: null).ConfigureAwait(false));
                        break;
                    default:
                        await _reader.SkipAsync(header.Length, _closed.Token).ConfigureAwait(false); // unknown frame types are ignored
                        break;
                }
            }
            catch (Http2Exception e) when (e.IsStreamError)
            {
                Log.StreamError(Logger, Peer, e.StreamId, e.ErrorCode, e.Message);
                ResetStream(e.StreamId, e.ErrorCode, e);
            }
        }
    }

    /// <summary>A token that fires after the idle timeout while no stream is open; null while streams are.</summary>
    private CancellationTokenSource? IdleToken()
    {
        lock (_gate)
        {
            if (_active > 0 || _streams.Count > 0)
                return null;
        }

        var source = CancellationTokenSource.CreateLinkedTokenSource(_closed.Token);
        source.CancelAfter(Options.IdleTimeout);
        return source;
    }

    private Http2ServerStream? Find(int streamId)
    {
        lock (_gate)
            return _streams.GetValueOrDefault(streamId);
    }

    private void ResetStream(int streamId, Http2ErrorCode code, Exception reason)
    {
        if (Find(streamId) is { } stream)
        {
            stream.Abort(reason);
            stream.FailRequest(reason);
        }

        QueueControl(static (lease, s) => lease.WriteRstStreamAsync(s.streamId, s.code), (streamId, code));
    }

    /// <summary>
    /// Sends a control frame without waiting for it: the read loop must never wait for the writer's lock, which a
    /// response write may hold while TCP backs up (a client that reads slowly would otherwise stall every stream's
    /// control traffic). A client that piles up more than <see cref="MaxQueuedControlFrames"/> unsent control frames
    /// (a PING or SETTINGS flood while not reading) loses the connection.
    /// </summary>
    private void QueueControl<T>(Func<Http2FrameWriter.Lease, T, ValueTask> write, T state)
    {
        if (Interlocked.Increment(ref _queuedControl) > MaxQueuedControlFrames)
        {
            Log.ConnectionError(Logger, Peer, Http2ErrorCode.EnhanceYourCalm, $"over {MaxQueuedControlFrames} control frames waiting to be sent");
            Close();
            return;
        }

        _ = SendQueuedAsync(write, state);
    }

    private async Task SendQueuedAsync<T>(Func<Http2FrameWriter.Lease, T, ValueTask> write, T state)
    {
        try
        {
            await SendControlAsync(write, state).ConfigureAwait(false);
        }
        finally
        {
            Interlocked.Decrement(ref _queuedControl);
        }
    }

    private async Task SendControlAsync<T>(Func<Http2FrameWriter.Lease, T, ValueTask> write, T state)
    {
        try
        {
            await using var lease = await Writer.AcquireAsync(_closed.Token).ConfigureAwait(false);
            await write(lease, state).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or OperationCanceledException)
        {
            // The connection is going down; the read loop deals with it.
        }
    }

    /// <summary>Sends GOAWAY, waiting at most a second (the writer may be stuck behind a client that stopped reading).</summary>
    private async Task TrySendGoAwayAsync(Http2ErrorCode code, string message)
    {
        int last;
        lock (_gate)
            last = _lastStreamId;
        try
        {
            await SendControlAsync(static (lease, s) => lease.WriteGoAwayAsync(s.last, s.code, s.message), (last, code, message)).WaitAsync(TimeSpan.FromSeconds(1)).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
        }
    }

    private async Task WaitForCallsAsync()
    {
        // The calls were cancelled; they end promptly (a handler that ignores its token is waited for only so long).
        for (var i = 0; i < 100; i++)
        {
            lock (_gate)
            {
                if (_active == 0)
                    return;
            }

            await Task.Delay(50).ConfigureAwait(false);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Debug, "HTTP/2 connection from {Peer} failed: {Code} {Message}")]
        public static partial void ConnectionError(ILogger logger, string peer, Http2ErrorCode code, string message);

        [LoggerMessage(2, LogLevel.Debug, "HTTP/2 connection from {Peer} lost: {Message}")]
        public static partial void ConnectionLost(ILogger logger, string peer, string message);

        [LoggerMessage(3, LogLevel.Error, "HTTP/2 connection from {Peer} failed")]
        public static partial void ConnectionFailed(ILogger logger, string peer, Exception exception);

        [LoggerMessage(4, LogLevel.Debug, "HTTP/2 stream {StreamId} from {Peer} reset: {Code} {Message}")]
        public static partial void StreamError(ILogger logger, string peer, int streamId, Http2ErrorCode code, string message);

        [LoggerMessage(5, LogLevel.Error, "HTTP/2 stream {StreamId} from {Peer} failed")]
        public static partial void StreamFailed(ILogger logger, string peer, int streamId, Exception exception);

        [LoggerMessage(6, LogLevel.Debug, "HTTP/2 connection from {Peer} closed after {Timeout} without streams")]
        public static partial void IdleClosed(ILogger logger, string peer, TimeSpan timeout);

        [LoggerMessage(7, LogLevel.Debug, "gRPC request from {Peer} rejected: {Message}")]
        public static partial void RequestRejected(ILogger logger, string peer, string message);
    }
}
