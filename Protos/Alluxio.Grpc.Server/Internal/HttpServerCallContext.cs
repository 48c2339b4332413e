using System.Net;
using Alluxio.Grpc.Protocol;
using Google.Protobuf;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Primitives;

namespace Alluxio.Grpc.Server.Internal;

/// <summary>
/// The call context over Kestrel's <see cref="HttpContext"/>: parses the protocol headers, owns the deadline,
/// writes messages into the response pipe and ends the call with a status in the trailers (or, when nothing was
/// sent yet, a Trailers-Only response).
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

    public HttpServerCallContext(HttpContext httpContext, string method, ServerRuntime runtime)
    {
        HttpContext = httpContext;
        _method = method;
        _runtime = runtime;
        _token = httpContext.RequestAborted;
    }

    public HttpContext HttpContext { get; }

    public override string Method => _method;

    public override string Peer
    {
        get
        {
            var connection = HttpContext.Connection;
            return connection.RemoteIpAddress switch
            {
                null => "unknown",
                { AddressFamily: System.Net.Sockets.AddressFamily.InterNetworkV6 } ip => $"ipv6:[{ip}]:{connection.RemotePort}",
                var ip => $"ipv4:{ip}:{connection.RemotePort}",
            };
        }
    }

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
        var request = HttpContext.Request;
        var response = HttpContext.Response;
        response.ContentType = GrpcProtocol.ContentType;

        var headers = request.Headers;
        var timeout = headers.GrpcTimeout;
        if (!StringValues.IsNullOrEmpty(timeout) && GrpcTimeout.TryParse(timeout.ToString(), out var span))
            StartDeadline(span);

        var encoding = headers.GrpcEncoding;
        if (!StringValues.IsNullOrEmpty(encoding))
        {
            var value = encoding.ToString();
            if (!GrpcFraming.IsSupportedEncoding(value))
            {
                response.Headers.GrpcAcceptEncoding = GrpcProtocol.SupportedEncodings;
                throw new RpcException(new Status(StatusCode.Unimplemented,
                    $"Unsupported grpc-encoding value '{value}'. Supported encodings: {GrpcProtocol.SupportedEncodings}"));
            }

            RequestEncoding = value;
        }

        if (_runtime.Options.ResponseCompression == MessageCompression.Gzip
            && headers.GrpcAcceptEncoding.ToString().Contains(GrpcProtocol.GzipEncoding, StringComparison.OrdinalIgnoreCase))
        {
            _compressResponse = true;
            response.Headers.GrpcEncoding = GrpcProtocol.GzipEncoding;
        }
    }

    public override async Task WriteResponseHeadersAsync(Metadata responseHeaders)
    {
        ArgumentNullException.ThrowIfNull(responseHeaders);
        if (_responseStarted || HttpContext.Response.HasStarted)
            throw new InvalidOperationException("Response headers can only be sent once per call, before the first message.");
        var headers = HttpContext.Response.Headers;
        foreach (var entry in responseHeaders)
        {
            if (entry.Key.StartsWith("grpc-", StringComparison.Ordinal) || entry.Key is "content-type" or "te")
                throw new InvalidOperationException($"Metadata key '{entry.Key}' is reserved by the gRPC protocol.");
            headers.Append(entry.Key, entry.Value);
        }

        _responseStarted = true;
        await HttpContext.Response.BodyWriter.FlushAsync(_token).ConfigureAwait(false);
    }

    /// <summary>Writes one framed message into the response pipe (not flushed).</summary>
    public void WriteMessage(IMessage message)
    {
        _responseStarted = true;
        GrpcFraming.WriteMessage(HttpContext.Response.BodyWriter, message, _runtime.Options.MaxSendMessageSize,
            _compressResponse ? MessageCompression.Gzip : MessageCompression.None);
    }

    /// <summary>Writes one framed message that <paramref name="fill"/> serializes into the response pipe (not flushed).</summary>
    public void WritePayload(int length, PayloadFill fill)
    {
        GrpcFraming.WritePayload(HttpContext.Response.BodyWriter, length, fill, _runtime.Options.MaxSendMessageSize,
            _compressResponse ? MessageCompression.Gzip : MessageCompression.None);
        _responseStarted = true;
    }

    /// <summary>Ends the call with <paramref name="status"/>: in the trailers, or as Trailers-Only when nothing was sent.</summary>
    public void EndCall(Status status)
    {
        try
        {
            var response = HttpContext.Response;
            IHeaderDictionary target;
            if (_responseStarted || response.HasStarted)
            {
                var trailersFeature = HttpContext.Features.Get<IHttpResponseTrailersFeature>();
                if (trailersFeature is null)
                    return;
                target = trailersFeature.Trailers;
            }
            else
            {
                // Trailers-Only: one HEADERS frame with END_STREAM carrying the status.
                target = response.Headers;
            }

            target.GrpcStatus = GrpcProtocol.StatusToString(status.StatusCode);
            if (status.Detail.Length > 0)
                target.GrpcMessage = StatusMessageEncoding.Encode(status.Detail);
            if (_responseTrailers is { Count: > 0 } trailers)
            {
                foreach (var entry in trailers)
                {
                    if (!entry.Key.StartsWith("grpc-", StringComparison.Ordinal))
                        target.Append(entry.Key, entry.Value);
                }
            }
        }
        catch (InvalidOperationException) when (HttpContext.RequestAborted.IsCancellationRequested)
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
            case OperationCanceledException when _token.IsCancellationRequested || HttpContext.RequestAborted.IsCancellationRequested:
                if (DeadlineExceeded && !HttpContext.RequestAborted.IsCancellationRequested)
                {
                    ServerLog.DeadlineExceeded(_runtime.Logger, _method);
                    return new Status(StatusCode.DeadlineExceeded, "Deadline Exceeded");
                }

                ServerLog.CallCancelled(_runtime.Logger, _method);
                return new Status(StatusCode.Cancelled, "Call canceled by the client.");
            case IOException or Microsoft.AspNetCore.Connections.ConnectionAbortedException when HttpContext.RequestAborted.IsCancellationRequested:
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

        _abortRegistration = HttpContext.RequestAborted.UnsafeRegister(static s => ((CancellationTokenSource)s!).Cancel(), _deadlineSource);
        _token = _deadlineSource.Token;
    }

    private Metadata ReadRequestHeaders()
    {
        var metadata = new Metadata();
        foreach (var header in HttpContext.Request.Headers)
        {
            var key = header.Key;
            if (key.Length == 0 || key[0] == ':' || IsProtocolHeader(key))
                continue;
            foreach (var value in header.Value)
            {
                if (value is not null)
                    MetadataEncoding.AddEntry(metadata, key, value);
            }
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
