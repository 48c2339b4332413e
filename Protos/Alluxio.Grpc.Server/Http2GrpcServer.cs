using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using Alluxio.Grpc.Protocol;
using Alluxio.Grpc.Server.Http2;
using Alluxio.Grpc.Server.Internal;
using Google.Protobuf;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ProtoServiceDescriptor = Google.Protobuf.Reflection.ServiceDescriptor;

namespace Alluxio.Grpc.Server;

/// <summary>
/// A gRPC server on the project's own HTTP/2 implementation over sockets, beside Kestrel: for bulk streams, where
/// Kestrel's copies between its pipes cap throughput (a response message is serialized once into a buffer and
/// written to the socket from there; request DATA is received straight into the call's pipe). It serves the same
/// bound services with the same call semantics (status mapping, deadlines, cancellation, metadata, compression,
/// message limits from <see cref="GrpcServerOptions"/>), h2c or TLS with ALPN h2; standard gRPC clients talk to it.
/// Register the wire layer first (<c>services.AddGrpcWire()</c>); map services, then <see cref="Start(IPEndPoint)"/>.
/// </summary>
public sealed partial class Http2GrpcServer : IAsyncDisposable
{
    private readonly Dictionary<string, IServerCallHandler> _routes = new(StringComparer.Ordinal);
    private readonly HashSet<string> _services = new(StringComparer.Ordinal);
    private readonly HashSet<Http2ServerConnection> _connections = [];
    private readonly object _gate = new();
    private readonly CancellationTokenSource _stopping = new();
    private readonly ServerRuntime _runtime;
    private readonly GrpcWireMarker _marker;
    private Socket? _listener;
    private Task _accepting = Task.CompletedTask;

    public Http2GrpcServer(IServiceProvider services, Http2GrpcServerOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        Services = services;
        Options = options ?? new Http2GrpcServerOptions();
        var problems = Options.Problems().ToList();
        if (problems.Count > 0)
            throw new ArgumentException("Invalid HTTP/2 server options: " + string.Join(" ", problems), nameof(options));
        _marker = services.GetService<GrpcWireMarker>()
            ?? throw new InvalidOperationException("The gRPC wire layer is not registered: call services.AddGrpcWire() first.");
        Logger = services.GetService<ILoggerFactory>()?.CreateLogger("Alluxio.Grpc.Server.Http2") ?? Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;
        _runtime = new ServerRuntime(services.GetRequiredService<IOptions<GrpcServerOptions>>().Value, Logger, services.GetService<TimeProvider>() ?? TimeProvider.System);
    }

    /// <summary>Where the server listens, once started (the actual port when started on port 0).</summary>
    public IPEndPoint? LocalEndPoint { get; private set; }

    internal Http2GrpcServerOptions Options { get; }

    internal IServiceProvider Services { get; }

    internal ILogger Logger { get; }

    /// <summary>Serves every rpc of <paramref name="descriptor"/> with <typeparamref name="TService"/>'s methods, as <c>MapGrpcService</c> does on Kestrel.</summary>
    public Http2GrpcServer MapGrpcService<TService>(ProtoServiceDescriptor descriptor)
        where TService : class
    {
        ArgumentNullException.ThrowIfNull(descriptor);
        var activator = ServiceActivator<TService>.Create(_marker.Services, Services);
        foreach (var (rpc, handler) in ServiceBinder.Bind(descriptor, activator, _runtime))
            _routes[rpc.FullName] = handler;
        _services.Add(descriptor.FullName);
        ServerLog.ServiceMapped(Logger, descriptor.FullName, descriptor.Methods.Count, typeof(TService).FullName ?? typeof(TService).Name, activator.Description, _runtime.Options);
        return this;
    }

    /// <summary>Serves grpc.health.v1.Health from the <see cref="Health.HealthService"/> singleton.</summary>
    public Http2GrpcServer MapGrpcHealthService() =>
        MapGrpcService<Health.HealthService>(Alluxio.Protos.Grpc.Health.V1.HealthReflection.Descriptor.Services[0]);

    /// <summary>Serves one unary rpc with a delegate.</summary>
    public Http2GrpcServer MapGrpcMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, UnaryServerMethod<TRequest, TResponse> handler)
        where TRequest : class, IMessage<TRequest>
        where TResponse : class, IMessage<TResponse> =>
        Map(method, handler, MethodType.Unary, new UnaryCallHandler<TRequest, TResponse>(method, _runtime, handler));

    /// <summary>Serves one server-streaming rpc with a delegate.</summary>
    public Http2GrpcServer MapGrpcMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, ServerStreamingServerMethod<TRequest, TResponse> handler)
        where TRequest : class, IMessage<TRequest>
        where TResponse : class, IMessage<TResponse> =>
        Map(method, handler, MethodType.ServerStreaming, new ServerStreamingCallHandler<TRequest, TResponse>(method, _runtime, handler));

    /// <summary>Serves one client-streaming rpc with a delegate.</summary>
    public Http2GrpcServer MapGrpcMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, ClientStreamingServerMethod<TRequest, TResponse> handler)
        where TRequest : class, IMessage<TRequest>
        where TResponse : class, IMessage<TResponse> =>
        Map(method, handler, MethodType.ClientStreaming, new ClientStreamingCallHandler<TRequest, TResponse>(method, _runtime, handler));

    /// <summary>Serves one duplex rpc with a delegate.</summary>
    public Http2GrpcServer MapGrpcMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, DuplexStreamingServerMethod<TRequest, TResponse> handler)
        where TRequest : class, IMessage<TRequest>
        where TResponse : class, IMessage<TResponse> =>
        Map(method, handler, MethodType.DuplexStreaming, new DuplexStreamingCallHandler<TRequest, TResponse>(method, _runtime, handler));

    /// <summary>Binds <paramref name="endpoint"/> (now, so the port is known when this returns) and accepts connections in the background.</summary>
    /// <exception cref="SocketException">The address cannot be bound (in use, not local).</exception>
    public void Start(IPEndPoint endpoint)
    {
        Bind(endpoint);
        Start();
    }

    /// <summary>
    /// Binds and listens on <paramref name="endpoint"/> without taking connections yet (they wait in the backlog until
    /// <see cref="Start()"/>): for a host that must know the port before it is ready to serve.
    /// </summary>
    /// <exception cref="SocketException">The address cannot be bound (in use, not local).</exception>
    public void Bind(IPEndPoint endpoint)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        if (_listener is not null)
            throw new InvalidOperationException("The server is already bound.");
        var listener = new Socket(endpoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            if (endpoint.AddressFamily == AddressFamily.InterNetworkV6 && endpoint.Address.Equals(IPAddress.IPv6Any))
                listener.DualMode = true;
            listener.Bind(endpoint);
            listener.Listen(512);
        }
        catch
        {
            listener.Dispose();
            throw;
        }

        _listener = listener;
        LocalEndPoint = (IPEndPoint)listener.LocalEndPoint!;
    }

    /// <summary>Starts taking connections on the bound endpoint.</summary>
    public void Start()
    {
        if (_listener is null)
            throw new InvalidOperationException("Bind the server before starting it.");
        if (!_accepting.IsCompleted)
            throw new InvalidOperationException("The server is already started.");
        Log.Listening(Logger, LocalEndPoint!, Options.Certificate is null ? "h2c" : "TLS", _routes.Count);
        _accepting = Task.Run(AcceptAsync);
    }

    /// <summary>
    /// Stops accepting, tells every connection to go away (GOAWAY) and waits for their calls to finish; when
    /// <paramref name="cancellationToken"/> fires first, the remaining connections are closed (their calls cancelled).
    /// </summary>
    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        if (_stopping.IsCancellationRequested)
            return;
        await _stopping.CancelAsync().ConfigureAwait(false);
        _listener?.Dispose();
        await _accepting.ConfigureAwait(false);
        List<Http2ServerConnection> connections;
        lock (_gate)
            connections = [.. _connections];
        await Task.WhenAll(connections.Select(c => c.ShutdownAsync())).ConfigureAwait(false);
        try
        {
            await Task.WhenAll(connections.Select(c => c.Closed)).WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            foreach (var connection in connections)
                connection.Close();
            await Task.WhenAll(connections.Select(c => c.Closed)).ConfigureAwait(false);
        }
    }

    public async ValueTask DisposeAsync()
    {
        using var now = new CancellationTokenSource(TimeSpan.Zero);
        await StopAsync(now.Token).ConfigureAwait(false);
        _stopping.Dispose();
    }

    private Http2GrpcServer Map<TRequest, TResponse>(Method<TRequest, TResponse> method, Delegate handler, MethodType shape, IServerCallHandler call)
        where TRequest : class, IMessage<TRequest>
        where TResponse : class, IMessage<TResponse>
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(handler);
        if (method.Type != shape)
            throw new ArgumentException($"rpc {method.FullName} is {method.Type} but the handler is for {shape} calls.", nameof(handler));
        _routes[method.FullName] = call;
        _services.Add(method.ServiceName);
        return this;
    }

    /// <summary>Whether <paramref name="path"/> is a mapped rpc.</summary>
    internal bool Serves(string path) => _routes.ContainsKey(path);

    /// <summary>The handler of a request path: a mapped rpc, or UNIMPLEMENTED for an unknown method or service.</summary>
    internal IServerCallHandler Route(string path)
    {
        if (_routes.TryGetValue(path, out var handler))
            return handler;
        var slash = path.IndexOf('/', 1);
        var service = slash > 1 ? path[1..slash] : "";
        return _services.Contains(service) ? UnimplementedCall.Method : UnimplementedCall.Service;
    }

    private async Task AcceptAsync()
    {
        var listener = _listener!;
        while (!_stopping.IsCancellationRequested)
        {
            Socket socket;
            try
            {
                socket = await listener.AcceptAsync(_stopping.Token).ConfigureAwait(false);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException && _stopping.IsCancellationRequested)
            {
                return;
            }
            catch (SocketException e)
            {
                Log.AcceptFailed(Logger, e.Message);
                continue;
            }

            _ = Task.Run(() => ServeAsync(socket));
        }
    }

    private async Task ServeAsync(Socket socket)
    {
        socket.NoDelay = true;
        var peer = socket.RemoteEndPoint is IPEndPoint ip
            ? (ip.AddressFamily == AddressFamily.InterNetworkV6 && !ip.Address.IsIPv4MappedToIPv6 ? $"ipv6:[{ip.Address}]:{ip.Port}" : $"ipv4:{(ip.Address.IsIPv4MappedToIPv6 ? ip.Address.MapToIPv4() : ip.Address)}:{ip.Port}")
            : "unknown";
        Stream stream = new NetworkStream(socket, ownsSocket: true);
        if (Options.Certificate is { } certificate)
        {
            var tls = new SslStream(stream, leaveInnerStreamOpen: false);
            try
            {
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(_stopping.Token);
                timeout.CancelAfter(Options.HandshakeTimeout);
                await tls.AuthenticateAsServerAsync(new SslServerAuthenticationOptions
                {
                    ServerCertificate = certificate,
                    ApplicationProtocols = [SslApplicationProtocol.Http2],
                }, timeout.Token).ConfigureAwait(false);
            }
            catch (Exception e)
            {
                Log.HandshakeFailed(Logger, peer, e.Message);
                await tls.DisposeAsync().ConfigureAwait(false);
                return;
            }

            stream = tls;
        }

        var connection = new Http2ServerConnection(this, stream, peer);
        lock (_gate)
        {
            if (_stopping.IsCancellationRequested)
            {
                stream.Dispose();
                return;
            }

            _connections.Add(connection);
        }

        try
        {
            await connection.RunAsync().ConfigureAwait(false);
        }
        finally
        {
            lock (_gate)
                _connections.Remove(connection);
        }
    }

    /// <summary>The answer to an rpc nobody serves: UNIMPLEMENTED, Trailers-Only.</summary>
    private sealed class UnimplementedCall(string message) : IServerCallHandler
    {
        public static readonly UnimplementedCall Method = new("Method is unimplemented.");
        public static readonly UnimplementedCall Service = new("Service is unimplemented.");

        public Task HandleCallAsync(Microsoft.AspNetCore.Http.HttpContext httpContext) => throw new NotSupportedException();

        public Task HandleAsync(IServerCallTransport transport)
        {
            transport.SetResponseHeader(GrpcProtocol.ContentTypeHeader, GrpcProtocol.ContentType);
            transport.EndCall(
                [
                    new(GrpcProtocol.StatusHeader, GrpcProtocol.StatusToString(StatusCode.Unimplemented)),
                    new(GrpcProtocol.MessageHeader, StatusMessageEncoding.Encode(message)),
                ],
                trailersOnly: true);
            return Task.CompletedTask;
        }
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Information, "gRPC on the own HTTP/2 server listening on {EndPoint} ({Security}, {Rpcs} rpcs)")]
        public static partial void Listening(ILogger logger, IPEndPoint endPoint, string security, int rpcs);

        [LoggerMessage(2, LogLevel.Warning, "Accepting a connection failed: {Message}")]
        public static partial void AcceptFailed(ILogger logger, string message);

        [LoggerMessage(3, LogLevel.Debug, "TLS handshake with {Peer} failed: {Message}")]
        public static partial void HandshakeFailed(ILogger logger, string peer, string message);
    }
}
