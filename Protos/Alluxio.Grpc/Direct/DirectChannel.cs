using Alluxio.Grpc.Client;
using Alluxio.Grpc.Protocol;
using Google.Protobuf;

namespace Alluxio.Grpc.Direct;

/// <summary>
/// A gRPC client on the project's own HTTP/2 implementation, for bulk streams: each call has a connection to itself
/// (taken from a small pool of idle ones, or opened), driven by the caller without a background reader, and the
/// bytes of a response can be read from the socket straight into the caller's memory (<see cref="DirectCall.ReadAsync"/>)
/// and the bulk of a request written from it (<see cref="DirectCall.WritePayloadAsync"/>). That removes the copies
/// <see cref="GrpcChannel"/> (SocketsHttpHandler) makes, at the price of one connection per concurrent call.
/// Speaks standard gRPC over HTTP/2, h2c for http:// and TLS with ALPN h2 for https://. Thread-safe; calls are not.
/// </summary>
public sealed class DirectChannel : IDisposable
{
    private readonly Stack<Http2ClientConnection> _idle = new();
    private readonly object _gate = new();
    private bool _disposed;

    private DirectChannel(Uri address, DirectChannelOptions options)
    {
        Address = address;
        Options = options;
    }

    /// <summary>The server's address.</summary>
    public Uri Address { get; }

    internal DirectChannelOptions Options { get; }

    /// <summary>Connections opened so far (for tests and diagnostics: reuse keeps it low).</summary>
    public int ConnectionsOpened { get; private set; }

    /// <summary>A channel to <paramref name="address"/> (<c>http://host:port</c> or <c>https://host:port</c>).</summary>
    public static DirectChannel ForAddress(Uri address, DirectChannelOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.Scheme != Uri.UriSchemeHttp && address.Scheme != Uri.UriSchemeHttps)
            throw new ArgumentException($"A gRPC address is http:// or https://, not {address.Scheme}://.", nameof(address));
        options ??= new DirectChannelOptions();
        options.Validate();
        return new DirectChannel(address, options);
    }

    /// <summary>Starts a call: its request headers are sent; write the request, complete it, then read the response.</summary>
    /// <exception cref="RpcException">The server cannot be reached (UNAVAILABLE), or the deadline has passed.</exception>
    public async ValueTask<DirectCall> StartCallAsync<TRequest, TResponse>(Method<TRequest, TResponse> method, CallOptions options = default)
        where TRequest : class, IMessage<TRequest>
        where TResponse : class, IMessage<TResponse>
    {
        ArgumentNullException.ThrowIfNull(method);
        ObjectDisposedException.ThrowIf(_disposed, this);
        var tokens = CallTokens.Create(options, Options.TimeProvider, alwaysCancellable: false);
        try
        {
            if (tokens.Timeout is { } left && left <= TimeSpan.Zero)
                throw new RpcException(new Status(StatusCode.DeadlineExceeded, "Deadline Exceeded"));
            var headers = RequestHeaders(method.FullName, options, tokens.Timeout);
            for (var attempt = 0; ; attempt++)
            {
                var (connection, reused) = await TakeAsync(tokens.Token).ConfigureAwait(false);
                try
                {
                    var stream = await connection.OpenStreamAsync(headers, tokens.Token).ConfigureAwait(false);
                    return new DirectCall(this, connection, stream, tokens, options.MaxReceiveMessageSize ?? Options.MaxReceiveMessageSize, options.MaxSendMessageSize ?? Options.MaxSendMessageSize);
                }
                catch (Exception e) when (reused && attempt == 0 && e is IOException or System.Net.Sockets.SocketException)
                {
                    connection.Dispose(); // an idle connection the server closed meanwhile: nothing was sent on it, try a new one
                }
                catch
                {
                    connection.Dispose();
                    throw;
                }
            }
        }
        catch (Exception e)
        {
            tokens.Dispose();
            if (e is RpcException)
                throw;
            if (options.CancellationToken.IsCancellationRequested)
                throw new RpcException(new Status(StatusCode.Cancelled, "Call canceled by the client.", e));
            if (tokens.DeadlinePassed(Options.TimeProvider))
                throw new RpcException(new Status(StatusCode.DeadlineExceeded, "Deadline Exceeded"));
            throw new RpcException(new Status(StatusCode.Unavailable, $"Cannot reach {Address.Authority}: {e.GetType().Name}: {e.Message}", e));
        }
    }

    /// <summary>Starts a server-streaming (or unary) call: sends <paramref name="request"/> and completes the request.</summary>
    public async ValueTask<DirectCall> ServerStreamingAsync<TRequest, TResponse>(Method<TRequest, TResponse> method, TRequest request, CallOptions options = default)
        where TRequest : class, IMessage<TRequest>
        where TResponse : class, IMessage<TResponse>
    {
        ArgumentNullException.ThrowIfNull(request);
        var call = await StartCallAsync(method, options).ConfigureAwait(false);
        try
        {
            await call.WriteMessageAsync(request).ConfigureAwait(false);
            await call.CompleteRequestAsync().ConfigureAwait(false);
            return call;
        }
        catch
        {
            call.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        List<Http2ClientConnection> idle;
        lock (_gate)
        {
            _disposed = true;
            idle = [.. _idle];
            _idle.Clear();
        }

        foreach (var connection in idle)
            connection.Dispose();
    }

    /// <summary>A call ended: its connection is kept for the next one, or closed.</summary>
    internal void Return(Http2ClientConnection connection)
    {
        if (!connection.Broken)
        {
            connection.IdleSince = Options.TimeProvider.GetUtcNow();
            lock (_gate)
            {
                if (!_disposed && _idle.Count < Options.MaxIdleConnections)
                {
                    _idle.Push(connection);
                    return;
                }
            }
        }

        connection.Dispose();
    }

    private async ValueTask<(Http2ClientConnection Connection, bool Reused)> TakeAsync(CancellationToken cancellationToken)
    {
        var now = Options.TimeProvider.GetUtcNow();
        while (true)
        {
            Http2ClientConnection? idle = null;
            lock (_gate)
            {
                ObjectDisposedException.ThrowIf(_disposed, this);
                if (_idle.Count > 0)
                    idle = _idle.Pop();
            }

            if (idle is null)
                break;
            if (now - idle.IdleSince < Options.IdleConnectionTimeout && await idle.TryPrepareAsync().ConfigureAwait(false))
                return (idle, true);
            idle.Dispose();
        }

        var connection = await Http2ClientConnection.ConnectAsync(Address, Options, cancellationToken).ConfigureAwait(false);
        lock (_gate)
            ConnectionsOpened++;
        return (connection, false);
    }

    private List<KeyValuePair<string, string>> RequestHeaders(string path, in CallOptions options, TimeSpan? timeout)
    {
        var headers = new List<KeyValuePair<string, string>>
        {
            new(":method", "POST"),
            new(":scheme", Address.Scheme),
            new(":path", path),
            new(":authority", Address.Authority),
            new(GrpcProtocol.ContentTypeHeader, GrpcProtocol.ContentType),
            new(GrpcProtocol.TeHeader, GrpcProtocol.TeTrailers),
            new(GrpcProtocol.AcceptEncodingHeader, GrpcProtocol.IdentityEncoding),
        };
        if (timeout is { } t)
            headers.Add(new(GrpcProtocol.TimeoutHeader, GrpcTimeout.Encode(t)));
        var userAgent = false;
        if (options.Headers is { Count: > 0 } custom)
        {
            foreach (var entry in custom)
            {
                if (entry.Key.StartsWith("grpc-", StringComparison.Ordinal) || entry.Key is "te" or "content-type" or "host" or "connection")
                    throw new ArgumentException($"Metadata key '{entry.Key}' is reserved by the gRPC protocol.", nameof(options));
                userAgent |= entry.Key == GrpcProtocol.UserAgentHeader;
                headers.Add(new(entry.Key, entry.Value));
            }
        }

        if (!userAgent)
            headers.Add(new(GrpcProtocol.UserAgentHeader, GrpcProtocol.UserAgent));
        return headers;
    }
}
