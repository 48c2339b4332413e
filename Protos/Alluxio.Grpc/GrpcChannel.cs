using System.Collections.Concurrent;
using System.Net;
using System.Net.Security;
using Alluxio.Grpc.Client;
using Alluxio.Grpc.Protocol;
using Google.Protobuf;

namespace Alluxio.Grpc;

/// <summary>
/// A client connection to one gRPC server address: HTTP/2 only, cleartext with prior knowledge (h2c) for http://
/// and TLS with ALPN h2 for https://. One <see cref="SocketsHttpHandler"/> multiplexes every call, opening further
/// connections when one has no free streams. Thread-safe; create once per address and share. Disposing it closes
/// the connections and fails calls still running with UNAVAILABLE or CANCELLED.
/// </summary>
public sealed class GrpcChannel : IDisposable
{
    private readonly HttpMessageInvoker _invoker;
    private readonly string _baseAddress;
    private readonly ConcurrentDictionary<string, Uri> _uris = new(StringComparer.Ordinal);
    private int _disposed;

    private GrpcChannel(Uri address, GrpcChannelOptions options)
    {
        Address = address;
        Options = options;
        _baseAddress = address.GetLeftPart(UriPartial.Path).TrimEnd('/');
        var handler = options.HttpHandler ?? CreateHandler(address, options);
        _invoker = new HttpMessageInvoker(handler, options.HttpHandler is null || options.DisposeHttpHandler);
    }

    /// <summary>The server address, e.g. <c>http://127.0.0.1:19998</c>.</summary>
    public Uri Address { get; }

    internal GrpcChannelOptions Options { get; }

    internal HttpMessageInvoker Invoker => _invoker;

    internal TimeProvider Time => Options.TimeProvider;

    /// <summary>Creates a channel; <paramref name="address"/> is an absolute http:// or https:// URI.</summary>
    public static GrpcChannel ForAddress(string address, GrpcChannelOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(address);
        return ForAddress(new Uri(address, UriKind.Absolute), options);
    }

    /// <summary>Creates a channel; <paramref name="address"/> is an absolute http:// or https:// URI.</summary>
    public static GrpcChannel ForAddress(Uri address, GrpcChannelOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (!address.IsAbsoluteUri || (address.Scheme != Uri.UriSchemeHttp && address.Scheme != Uri.UriSchemeHttps))
            throw new ArgumentException($"A gRPC address must be an absolute http:// or https:// URI, not '{address}'.", nameof(address));
        options ??= new GrpcChannelOptions();
        options.Validate();
        return new GrpcChannel(address, options);
    }

    /// <summary>
    /// Calls a unary rpc. Throws <see cref="RpcException"/> when the call does not end OK: with the server's status,
    /// UNAVAILABLE for transport failures, DEADLINE_EXCEEDED past <see cref="CallOptions.Deadline"/>, CANCELLED when
    /// <see cref="CallOptions.CancellationToken"/> fires (the HTTP/2 stream is then reset so the server sees it).
    /// </summary>
    public Task<TResponse> UnaryAsync<TRequest, TResponse>(Method<TRequest, TResponse> method, TRequest request, CallOptions options = default)
        where TRequest : class, IMessage<TRequest>
        where TResponse : class, IMessage<TResponse>
    {
        CheckCall(method, MethodType.Unary, options);
        ArgumentNullException.ThrowIfNull(request);
        return UnaryCall.InvokeAsync(this, method, request, options);
    }

    /// <summary>Starts a server-streaming call. Dispose the call to cancel it if its stream is not read to the end.</summary>
    public AsyncServerStreamingCall<TResponse> ServerStreaming<TRequest, TResponse>(Method<TRequest, TResponse> method, TRequest request, CallOptions options = default)
        where TRequest : class, IMessage<TRequest>
        where TResponse : class, IMessage<TResponse>
    {
        CheckCall(method, MethodType.ServerStreaming, options);
        ArgumentNullException.ThrowIfNull(request);
        var call = new StreamingCall<TRequest, TResponse>(this, method, options);
        call.Start(request);
        return new AsyncServerStreamingCall<TResponse>(call);
    }

    /// <summary>Starts a client-streaming call: write requests, complete, then await the response.</summary>
    public AsyncClientStreamingCall<TRequest, TResponse> ClientStreaming<TRequest, TResponse>(Method<TRequest, TResponse> method, CallOptions options = default)
        where TRequest : class, IMessage<TRequest>
        where TResponse : class, IMessage<TResponse>
    {
        CheckCall(method, MethodType.ClientStreaming, options);
        var call = new StreamingCall<TRequest, TResponse>(this, method, options);
        call.Start(null);
        return new AsyncClientStreamingCall<TRequest, TResponse>(call);
    }

    /// <summary>Starts a duplex call: the request and response streams run independently.</summary>
    public AsyncDuplexStreamingCall<TRequest, TResponse> DuplexStreaming<TRequest, TResponse>(Method<TRequest, TResponse> method, CallOptions options = default)
        where TRequest : class, IMessage<TRequest>
        where TResponse : class, IMessage<TResponse>
    {
        CheckCall(method, MethodType.DuplexStreaming, options);
        var call = new StreamingCall<TRequest, TResponse>(this, method, options);
        call.Start(null);
        return new AsyncDuplexStreamingCall<TRequest, TResponse>(call);
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
            _invoker.Dispose();
    }

    /// <summary>Builds the HTTP/2 request of a call.</summary>
    internal HttpRequestMessage CreateRequest(string fullName, HttpContent content, in CallOptions options, TimeSpan? timeout)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, GetUri(fullName))
        {
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
            Content = content,
        };
        var headers = request.Headers;
        headers.TryAddWithoutValidation(GrpcProtocol.TeHeader, GrpcProtocol.TeTrailers);
        headers.TryAddWithoutValidation(GrpcProtocol.AcceptEncodingHeader, GrpcProtocol.SupportedEncodings);
        if (timeout is { } t)
            headers.TryAddWithoutValidation(GrpcProtocol.TimeoutHeader, GrpcTimeout.Encode(t));
        if (Options.RequestCompression == MessageCompression.Gzip)
            headers.TryAddWithoutValidation(GrpcProtocol.EncodingHeader, GrpcProtocol.GzipEncoding);

        var userAgentSet = false;
        if (options.Headers is { Count: > 0 } custom)
        {
            foreach (var entry in custom)
            {
                if (entry.Key == GrpcProtocol.UserAgentHeader)
                    userAgentSet = true;
                headers.TryAddWithoutValidation(entry.Key, entry.Value);
            }
        }

        if (!userAgentSet)
            headers.TryAddWithoutValidation(GrpcProtocol.UserAgentHeader, GrpcProtocol.UserAgent);
        return request;
    }

    internal int? MaxReceive(in CallOptions options) => options.MaxReceiveMessageSize ?? Options.MaxReceiveMessageSize;

    internal int? MaxSend(in CallOptions options) => options.MaxSendMessageSize ?? Options.MaxSendMessageSize;

    private static void CheckCustomKey(string key)
    {
        if (key.StartsWith("grpc-", StringComparison.Ordinal) || key is "te" or "content-type" or "host" or "connection")
            throw new ArgumentException($"Metadata key '{key}' is reserved by the gRPC protocol and cannot be sent as a custom header.");
    }

    private static void CheckHeaders(in CallOptions options)
    {
        if (options.Headers is { Count: > 0 } custom)
        {
            foreach (var entry in custom)
                CheckCustomKey(entry.Key);
        }
    }

    private void CheckCall<TRequest, TResponse>(Method<TRequest, TResponse> method, MethodType shape, in CallOptions options)
        where TRequest : class, IMessage<TRequest>
        where TResponse : class, IMessage<TResponse>
    {
        ArgumentNullException.ThrowIfNull(method);
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        if (method.Type != shape)
        {
            throw new ArgumentException(
                $"rpc {method.FullName} is {method.Type}; it cannot be called as {shape}. Use the channel method for {method.Type} calls.",
                nameof(method));
        }

        CheckHeaders(options);
    }

    private Uri GetUri(string fullName)
    {
        if (_uris.TryGetValue(fullName, out var uri))
            return uri;
        uri = new Uri(_baseAddress + fullName, UriKind.Absolute);
        return _uris.GetOrAdd(fullName, uri);
    }

    private static SocketsHttpHandler CreateHandler(Uri address, GrpcChannelOptions options)
    {
        var handler = new SocketsHttpHandler
        {
            EnableMultipleHttp2Connections = true,
            UseProxy = options.Proxy is not null,
            Proxy = options.Proxy,
            UseCookies = false,
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.None,
            ConnectTimeout = options.ConnectTimeout,
            KeepAlivePingDelay = options.KeepAlivePingDelay,
            KeepAlivePingTimeout = options.KeepAlivePingTimeout,
            KeepAlivePingPolicy = HttpKeepAlivePingPolicy.WithActiveRequests,
            PooledConnectionIdleTimeout = Timeout.InfiniteTimeSpan,
        };
        if (options.InitialHttp2StreamWindowSize is { } window)
            handler.InitialHttp2StreamWindowSize = window;
        if (address.Scheme == Uri.UriSchemeHttps)
        {
            handler.SslOptions = new SslClientAuthenticationOptions
            {
                ApplicationProtocols = [SslApplicationProtocol.Http2],
                RemoteCertificateValidationCallback = options.RemoteCertificateValidationCallback,
                ClientCertificates = options.ClientCertificates,
            };
        }

        return handler;
    }
}
