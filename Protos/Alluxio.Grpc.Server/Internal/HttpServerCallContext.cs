using Alluxio.Grpc.Protocol;
using Google.Protobuf;

namespace Alluxio.Grpc.Server.Internal;

/// <summary>
/// The call context over the call's HTTP/2 stream (<see cref="IServerCallTransport"/>, Kestrel's or the project's
/// own): parses the protocol headers, owns the deadline, writes messages into the response body and ends the call
/// with a status in the trailers (or, when nothing was sent yet, a Trailers-Only response).
/// </summary>
internal sealed class HttpServerCallContext : ServerCallContext, IDisposable
{
    private readonly string _method;
    private readonly ServerRuntime _runtime;
    private CancellationTokenSource? _deadlineSource;
    private ITimer? _deadlineTimer;
    private volatile bool _deadlineFired;
    private CancellationTokenRegistration _abortRegistration;
    private DateTime _deadline = DateTime.MaxValue;
    private CancellationToken _token;
    private Metadata? _requestHeaders;
    private Metadata? _responseTrailers;
    private Status _status = Status.DefaultSuccess;
    private bool _responseStarted;
    private bool _compressResponse;

    public HttpServerCallContext(IServerCallTransport transport, string method, ServerRuntime runtime)
    {
        Transport = transport;
        _method = method;
        _runtime = runtime;
        _token = transport.Aborted;
    }

    public IServerCallTransport Transport { get; }

    public override string Method => _method;

    public override string Peer => Transport.Peer;

    public override DateTime Deadline => _deadline;

    public override CancellationToken CancellationToken => _token;

    public override Metadata RequestHeaders => _requestHeaders ??= ReadRequestHeaders();

    public override Metadata ResponseTrailers => _responseTrailers ??= new Metadata();

    public override Status Status
    {
        get => _status;
        set => _status = value;
    }

    /// <summary>The request's grpc-encoding (null = identity).</summary>
    public string? RequestEncoding { get; private set; }

    public int? MaxReceiveMessageSize => _runtime.Options.MaxReceiveMessageSize;

    /// <summary>True once the deadline timer has fired (or the clock has passed the deadline).</summary>
    public bool DeadlineExceeded => _deadlineFired || (_deadline != DateTime.MaxValue && _runtime.Time.GetUtcNow().UtcDateTime >= _deadline);

    /// <summary>Reads grpc-timeout and grpc-encoding and prepares the response headers.</summary>
    public void Initialize()
    {
        Transport.SetResponseHeader(GrpcProtocol.ContentTypeHeader, GrpcProtocol.ContentType);

        var timeout = Transport.RequestHeader(GrpcProtocol.TimeoutHeader);
        if (!string.IsNullOrEmpty(timeout) && GrpcTimeout.TryParse(timeout, out var span))
            StartDeadline(span);

        var encoding = Transport.RequestHeader(GrpcProtocol.EncodingHeader);
        if (!string.IsNullOrEmpty(encoding))
        {
            if (!GrpcFraming.IsSupportedEncoding(encoding))
            {
                Transport.SetResponseHeader(GrpcProtocol.AcceptEncodingHeader, GrpcProtocol.SupportedEncodings);
                throw new RpcException(new Status(StatusCode.Unimplemented,
                    $"Unsupported grpc-encoding value '{encoding}'. Supported encodings: {GrpcProtocol.SupportedEncodings}"));
            }

            RequestEncoding = encoding;
        }

        if (_runtime.Options.ResponseCompression == MessageCompression.Gzip
            && (Transport.RequestHeader(GrpcProtocol.AcceptEncodingHeader) ?? "").Contains(GrpcProtocol.GzipEncoding, StringComparison.OrdinalIgnoreCase))
        {
            _compressResponse = true;
            Transport.SetResponseHeader(GrpcProtocol.EncodingHeader, GrpcProtocol.GzipEncoding);
        }
    }

    public override async Task WriteResponseHeadersAsync(Metadata responseHeaders)
    {
        ArgumentNullException.ThrowIfNull(responseHeaders);
        if (_responseStarted || Transport.ResponseStarted)
            throw new InvalidOperationException("Response headers can only be sent once per call, before the first message.");
        foreach (var entry in responseHeaders)
        {
            if (entry.Key.StartsWith("grpc-", StringComparison.Ordinal) || entry.Key is "content-type" or "te")
                throw new InvalidOperationException($"Metadata key '{entry.Key}' is reserved by the gRPC protocol.");
            Transport.AppendResponseHeader(entry.Key, entry.Value);
        }

        _responseStarted = true;
        await Transport.FlushAsync(_token).ConfigureAwait(false);
    }

    /// <summary>Writes one framed message into the response body (not flushed).</summary>
    public void WriteMessage(IMessage message)
    {
        _responseStarted = true;
        GrpcFraming.WriteMessage(Transport.ResponseBody, message, _runtime.Options.MaxSendMessageSize,
            _compressResponse ? MessageCompression.Gzip : MessageCompression.None);
    }

    /// <summary>Writes one framed message that <paramref name="fill"/> serializes into the response body (not flushed).</summary>
    public void WritePayload(int length, PayloadFill fill)
    {
        GrpcFraming.WritePayload(Transport.ResponseBody, length, fill, _runtime.Options.MaxSendMessageSize,
            _compressResponse ? MessageCompression.Gzip : MessageCompression.None);
        _responseStarted = true;
    }

    /// <summary>Ends the call with <paramref name="status"/>: in the trailers, or as Trailers-Only when nothing was sent.</summary>
    public void EndCall(Status status)
    {
        try
        {
            var fields = new List<KeyValuePair<string, string>>
            {
                new(GrpcProtocol.StatusHeader, GrpcProtocol.StatusToString(status.StatusCode)),
            };
            if (status.Detail.Length > 0)
                fields.Add(new(GrpcProtocol.MessageHeader, StatusMessageEncoding.Encode(status.Detail)));
            if (_responseTrailers is { Count: > 0 } trailers)
            {
                foreach (var entry in trailers)
                {
                    if (!entry.Key.StartsWith("grpc-", StringComparison.Ordinal))
                        fields.Add(new(entry.Key, entry.Value));
                }
            }

            Transport.EndCall(fields, trailersOnly: !_responseStarted && !Transport.ResponseStarted);
        }
        catch (InvalidOperationException) when (Transport.Aborted.IsCancellationRequested)
        {
            // The client is gone; there is no one to tell.
        }
    }

    /// <summary>Turns a handler exception into the call's status.</summary>
    public Status StatusFromException(Exception ex)
    {
        switch (ex)
        {
            case RpcException rpc:
                if (rpc.Trailers.Count > 0)
                {
                    foreach (var entry in rpc.Trailers)
                        ResponseTrailers.Add(entry);
                }

                ServerLog.RpcExceptionThrown(_runtime.Logger, _method, rpc.StatusCode, rpc.Status.Detail);
                return rpc.Status;
            case OperationCanceledException when _token.IsCancellationRequested || Transport.Aborted.IsCancellationRequested:
                if (DeadlineExceeded && !Transport.Aborted.IsCancellationRequested)
                {
                    ServerLog.DeadlineExceeded(_runtime.Logger, _method);
                    return new Status(StatusCode.DeadlineExceeded, "Deadline Exceeded");
                }

                ServerLog.CallCancelled(_runtime.Logger, _method);
                return new Status(StatusCode.Cancelled, "Call canceled by the client.");
            case IOException or OperationCanceledException when Transport.Aborted.IsCancellationRequested:
                ServerLog.CallCancelled(_runtime.Logger, _method);
                return new Status(StatusCode.Cancelled, "Call canceled by the client.");
            default:
                ServerLog.HandlerFailed(_runtime.Logger, _method, ex);
                var detail = _runtime.Options.IncludeExceptionDetails
                    ? $"Exception was thrown by handler. {ex.GetType().Name}: {ex.Message}"
                    : "Exception was thrown by handler.";
                return new Status(StatusCode.Unknown, detail);
        }
    }

    public void Dispose()
    {
        _abortRegistration.Dispose();
        _deadlineTimer?.Dispose();
        _deadlineSource?.Dispose();
    }

    private void StartDeadline(TimeSpan timeout)
    {
        var now = _runtime.Time.GetUtcNow().UtcDateTime;
        _deadline = timeout >= DateTime.MaxValue - now ? DateTime.MaxValue : now + timeout;
        if (_deadline == DateTime.MaxValue)
            return;
        _deadlineSource = new CancellationTokenSource();
        if (timeout < TimeSpan.FromMilliseconds(uint.MaxValue - 1))
        {
            // Remember that the timer fired: it may fire a little before the clock reaches the deadline.
            _deadlineTimer = _runtime.Time.CreateTimer(static s =>
            {
                var context = (HttpServerCallContext)s!;
                context._deadlineFired = true;
                try
                {
                    context._deadlineSource!.Cancel();
                }
                catch (ObjectDisposedException)
                {
                }
            }, this, timeout, Timeout.InfiniteTimeSpan);
        }

        _abortRegistration = Transport.Aborted.UnsafeRegister(static s => ((CancellationTokenSource)s!).Cancel(), _deadlineSource);
        _token = _deadlineSource.Token;
    }

    private Metadata ReadRequestHeaders()
    {
        var metadata = new Metadata();
        foreach (var (key, value) in Transport.RequestHeaders())
        {
            if (key.Length == 0 || key[0] == ':' || IsProtocolHeader(key))
                continue;
            MetadataEncoding.AddEntry(metadata, key, value);
        }

        return metadata;
    }

    private static bool IsProtocolHeader(string key) =>
        key.Equals("content-type", StringComparison.OrdinalIgnoreCase)
        || key.Equals("te", StringComparison.OrdinalIgnoreCase)
        || key.Equals("host", StringComparison.OrdinalIgnoreCase)
        || key.Equals("content-length", StringComparison.OrdinalIgnoreCase)
        || key.Equals(GrpcProtocol.TimeoutHeader, StringComparison.OrdinalIgnoreCase)
        || key.Equals(GrpcProtocol.EncodingHeader, StringComparison.OrdinalIgnoreCase)
        || key.Equals(GrpcProtocol.AcceptEncodingHeader, StringComparison.OrdinalIgnoreCase);
}
