using Alluxio.Grpc.Protocol;
using Google.Protobuf;

namespace Alluxio.Grpc.Client;

/// <summary>
/// One server-streaming, client-streaming or duplex call. The response side is read on demand (MoveNext), so a
/// slow reader leaves data in HTTP/2 flow control rather than in memory; the request side writes one message at a
/// time and awaits the transport. Cancellation (caller token, deadline, Dispose) resets the HTTP/2 stream.
/// </summary>
internal sealed class StreamingCall<TRequest, TResponse> : IResponseCall<TResponse>, IClientStreamWriter<TRequest>
    where TRequest : class, IMessage<TRequest>
    where TResponse : class, IMessage<TResponse>
{
    private readonly GrpcChannel _channel;
    private readonly Method<TRequest, TResponse> _method;
    private readonly CallOptions _options;
    private readonly object _gate = new();
    private CallTokens _tokens;
    private HttpRequestMessage? _httpRequest;
    private StreamingRequestContent? _requestContent;
    private HttpResponseMessage? _response;
    private StreamMessageReader? _reader;
    private PooledBufferWriter? _writeBuffer;
    private PooledBufferWriter? _inflated; // the decompressed CurrentPayload
    private Task _headersTask = Task.CompletedTask;
    private Task<Metadata>? _responseHeaders;
    private Task<TResponse>? _singleResponse;
    private CancellationTokenRegistration _cancelRegistration;
    private Status? _status;
    private Metadata? _trailers;
    private bool _reading;
    private bool _writing;
    private bool _requestCompleted;
    private bool _disposed;

    public StreamingCall(GrpcChannel channel, Method<TRequest, TResponse> method, CallOptions options)
    {
        _channel = channel;
        _method = method;
        _options = options;
    }

    public TResponse Current { get; private set; } = null!;

    public ReadOnlyMemory<byte> CurrentPayload { get; private set; }

    public Task<Metadata> ResponseHeadersAsync
    {
        get
        {
            if (_responseHeaders is null)
                Interlocked.CompareExchange(ref _responseHeaders, GetResponseHeadersAsync(), null);
            return _responseHeaders;
        }
    }

    /// <summary>The single response of a client-streaming call.</summary>
    public Task<TResponse> SingleResponseAsync
    {
        get
        {
            if (_singleResponse is null)
                Interlocked.CompareExchange(ref _singleResponse, ReadSingleResponseAsync(), null);
            return _singleResponse;
        }
    }

    /// <summary>Sends the request headers (and, for server streaming, the request) and starts waiting for the response.</summary>
    public void Start(TRequest? request)
    {
        _tokens = CallTokens.Create(_options, _channel.Time, alwaysCancellable: true);
        try
        {
            HttpContent content;
            if (request is not null)
            {
                content = MessageContent.Create(request, _channel.MaxSend(_options), _channel.Options.RequestCompression);
            }
            else
            {
                _requestContent = new StreamingRequestContent();
                content = _requestContent;
            }

            _httpRequest = _channel.CreateRequest(_method.FullName, content, _options, _tokens.Timeout);
        }
        catch (RpcException ex)
        {
            Finish(ex.Status, ex.Trailers);
            return;
        }

        if (_tokens.Token.IsCancellationRequested)
        {
            var error = CallErrors.Map(new OperationCanceledException(), _tokens, _channel.Time);
            Finish(error.Status, error.Trailers);
            return;
        }

        _cancelRegistration = _tokens.Token.UnsafeRegister(static s => ((StreamingCall<TRequest, TResponse>)s!).OnCancelled(), this);
        _headersTask = SendAsync();
    }

    public Status GetStatus()
    {
        lock (_gate)
            return _status ?? throw new InvalidOperationException("Unable to get the status because the call is not complete.");
    }

    public Metadata GetTrailers()
    {
        lock (_gate)
        {
            return _status is null
                ? throw new InvalidOperationException("Unable to get the trailers because the call is not complete.")
                : _trailers ?? new Metadata();
        }
    }

    public Task<bool> MoveNext(CancellationToken cancellationToken) => ReadNextAsync(parse: true, cancellationToken);

    public Task<bool> MoveNextPayload(CancellationToken cancellationToken) => ReadNextAsync(parse: false, cancellationToken);

    private async Task<bool> ReadNextAsync(bool parse, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_reading)
                throw new InvalidOperationException("Can't read the next message because the previous read is still in progress.");
            _reading = true;
        }

        var registration = cancellationToken.CanBeCanceled
            ? cancellationToken.UnsafeRegister(static s => ((StreamingCall<TRequest, TResponse>)s!)._tokens.Cancel(), this)
            : default;
        try
        {
            await _headersTask.ConfigureAwait(false);
            if (CompletedStatus() is { } done)
                return done.StatusCode == StatusCode.OK ? false : throw new RpcException(done, _trailers ?? new Metadata());

            var maxReceive = _channel.MaxReceive(_options);
            CurrentPayload = default;
            _inflated?.Dispose();
            _inflated = null;
            if (await _reader!.ReadAsync(maxReceive, _tokens.Token).ConfigureAwait(false))
            {
                var encoding = UnaryCall.GetEncoding(_response!, _reader.Compressed);
                if (parse)
                {
                    Current = GrpcFraming.Parse(_method.ResponseParser, _reader.Payload, _reader.Compressed, encoding, maxReceive);
                }
                else if (!_reader.Compressed)
                {
                    CurrentPayload = _reader.Payload;
                }
                else
                {
                    _inflated = GrpcFraming.Decompress(_reader.Payload, encoding, maxReceive);
                    CurrentPayload = _inflated.WrittenMemory;
                }

                return true;
            }

            var status = ResponseParsing.ReadTrailersStatus(_response!);
            var trailers = ResponseParsing.ToMetadata(_response!.TrailingHeaders);
            Finish(status, trailers);
            var final = CompletedStatus()!.Value;
            return final.StatusCode == StatusCode.OK ? false : throw new RpcException(final, _trailers ?? trailers);
        }
        catch (Exception ex)
        {
            var error = ex as RpcException ?? CallErrors.Map(ex, _tokens, _channel.Time, cancellationToken);
            if (error.StatusCode == StatusCode.Cancelled && !_tokens.CallerToken.IsCancellationRequested
                && !cancellationToken.IsCancellationRequested && _tokens.DeadlinePassed(_channel.Time))
            {
                error = CallErrors.DeadlineExceeded();
            }

            Finish(error.Status, error.Trailers);
            // Once finished, the first status is the call's status.
            if (CompletedStatus() is { } first && first != error.Status && first.StatusCode != StatusCode.OK)
                throw new RpcException(first, _trailers ?? new Metadata());
            throw error;
        }
        finally
        {
            registration.Dispose();
            lock (_gate)
            {
                _reading = false;
                if (_disposed)
                    ReleaseBuffers();
            }
        }
    }

    public async Task WriteAsync(TRequest message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        lock (_gate)
        {
            if (_status is { } status)
            {
                if (status.StatusCode != StatusCode.OK)
                    throw new RpcException(status, _trailers ?? new Metadata());
                throw new InvalidOperationException("Can't write the message because the call is complete.");
            }

            if (_requestCompleted)
                throw new InvalidOperationException("Can't write the message because the request stream is complete.");
            if (_writing)
                throw new InvalidOperationException("Can't write the message because the previous write is in progress.");
            _writing = true;
            _writeBuffer ??= new PooledBufferWriter(256);
        }

        var registration = cancellationToken.CanBeCanceled
            ? cancellationToken.UnsafeRegister(static s => ((StreamingCall<TRequest, TResponse>)s!)._tokens.Cancel(), this)
            : default;
        try
        {
            var buffer = _writeBuffer;
            buffer.Reset();
            GrpcFraming.WriteMessage(buffer, message, _channel.MaxSend(_options), _channel.Options.RequestCompression);
            var stream = await _requestContent!.StreamTask.WaitAsync(_tokens.Token).ConfigureAwait(false);
            await stream.WriteAsync(buffer.WrittenMemory, _tokens.Token).ConfigureAwait(false);
            await stream.FlushAsync(_tokens.Token).ConfigureAwait(false);
        }
        catch (RpcException ex) when (ex.StatusCode == StatusCode.ResourceExhausted && CompletedStatus() is null)
        {
            // Too large to send: the message was not sent; the call goes on.
            throw;
        }
        catch (Exception ex)
        {
            // A write fails because the call ended (or is ending): report the call's status when there is one.
            if (CompletedStatus() is { } done && done.StatusCode != StatusCode.OK)
                throw new RpcException(done, _trailers ?? new Metadata());
            var error = ex as RpcException ?? CallErrors.Map(ex, _tokens, _channel.Time, cancellationToken);
            if (error.StatusCode is StatusCode.Cancelled or StatusCode.DeadlineExceeded)
                Finish(error.Status, error.Trailers);
            throw error;
        }
        finally
        {
            registration.Dispose();
            lock (_gate)
            {
                _writing = false;
                if (_disposed)
                    ReleaseBuffers();
            }
        }
    }

    public Task CompleteAsync()
    {
        lock (_gate)
        {
            if (_writing)
                throw new InvalidOperationException("Can't complete the request stream while a write is in progress.");
            _requestCompleted = true;
        }

        _requestContent?.Complete();
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed)
                return;
            _disposed = true;
        }

        if (CompletedStatus() is null)
            Finish(new Status(StatusCode.Cancelled, "gRPC call disposed."), null);
        _tokens.Cancel();
        _cancelRegistration.Dispose();
        _response?.Dispose();
        _httpRequest?.Dispose();
        _tokens.Dispose();
        lock (_gate)
        {
            if (!_reading && !_writing)
                ReleaseBuffers();
        }
    }

    private async Task SendAsync()
    {
        try
        {
            var response = await _channel.Invoker.SendAsync(_httpRequest!, _tokens.Token).ConfigureAwait(false);
            lock (_gate)
                _response = response;
            if (_disposed)
            {
                response.Dispose();
                return;
            }

            if (ResponseParsing.CheckHeaders(response) is { } early)
            {
                // Trailers-Only (or not gRPC at all): the call is over; its headers are also its trailers.
                Finish(early, ResponseParsing.ToMetadata(response.Headers));
                return;
            }

            var stream = await response.Content.ReadAsStreamAsync(_tokens.Token).ConfigureAwait(false);
            _reader = new StreamMessageReader(stream);
        }
        catch (Exception ex)
        {
            var error = CallErrors.Map(ex, _tokens, _channel.Time);
            Finish(error.Status, error.Trailers);
        }
    }

    private async Task<Metadata> GetResponseHeadersAsync()
    {
        await _headersTask.ConfigureAwait(false);
        HttpResponseMessage? response;
        lock (_gate)
            response = _response;
        if (response is null)
        {
            var status = CompletedStatus() ?? new Status(StatusCode.Internal, "No response.");
            throw new RpcException(status, _trailers ?? new Metadata());
        }

        return ResponseParsing.ToMetadata(response.Headers);
    }

    private async Task<TResponse> ReadSingleResponseAsync()
    {
        if (!await MoveNext(CancellationToken.None).ConfigureAwait(false))
            throw new RpcException(new Status(StatusCode.Internal, "The server returned OK without a response message."));
        var message = Current;
        if (await MoveNext(CancellationToken.None).ConfigureAwait(false))
            throw new RpcException(new Status(StatusCode.Internal, "The response held more than one message."));
        return message;
    }

    private Status? CompletedStatus()
    {
        lock (_gate)
            return _status;
    }

    /// <summary>Records the call's final status (the first one wins) and stops the request side.</summary>
    private void Finish(Status status, Metadata? trailers)
    {
        lock (_gate)
        {
            if (_status is not null)
                return;
            _status = status;
            _trailers = trailers ?? new Metadata();
        }

        _requestContent?.Abort(new RpcException(status, _trailers));
        if (status.StatusCode != StatusCode.OK)
            _tokens.Cancel();
    }

    private void OnCancelled()
    {
        // Make sure the server hears about it even when no read or write is pending: disposing the response of an
        // unfinished HTTP/2 stream sends RST_STREAM(CANCEL).
        var error = _tokens.CallerToken.IsCancellationRequested || !_tokens.DeadlinePassed(_channel.Time)
            ? CallErrors.Cancelled()
            : CallErrors.DeadlineExceeded();
        Finish(error.Status, error.Trailers);
        HttpResponseMessage? response;
        lock (_gate)
            response = _response;
        response?.Dispose();
    }

    private void ReleaseBuffers()
    {
        CurrentPayload = default;
        _inflated?.Dispose();
        _inflated = null;
        _reader?.Dispose();
        _reader = null;
        _writeBuffer?.Dispose();
        _writeBuffer = null;
    }
}
