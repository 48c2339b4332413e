using Alluxio.Grpc.Server;
using Google.Protobuf;
using Microsoft.AspNetCore.Builder;

namespace Alluxio.Grpc.Tests;

/// <summary>Maps services and methods on whichever server a <see cref="TestHost"/> runs, with the mapping calls' own names.</summary>
public sealed class TestRoutes
{
    private readonly WebApplication? _app;
    private readonly Http2GrpcServer? _server;

    internal TestRoutes(WebApplication app) => _app = app;

    internal TestRoutes(Http2GrpcServer server) => _server = server;

    /// <summary>The Kestrel application (for endpoints other than gRPC), null on the own HTTP/2 server.</summary>
    public WebApplication? App => _app;

    public void MapGrpcService<TService>(Google.Protobuf.Reflection.ServiceDescriptor descriptor)
        where TService : class
    {
        if (_app is not null)
            _app.MapGrpcService<TService>(descriptor);
        else
            _server!.MapGrpcService<TService>(descriptor);
    }

    public void MapGrpcHealthService()
    {
        if (_app is not null)
            _app.MapGrpcHealthService();
        else
            _server!.MapGrpcHealthService();
    }

    public void MapGrpcMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, UnaryServerMethod<TRequest, TResponse> handler)
        where TRequest : class, IMessage<TRequest>
        where TResponse : class, IMessage<TResponse>
    {
        if (_app is not null)
            _app.MapGrpcMethod(method, handler);
        else
            _server!.MapGrpcMethod(method, handler);
    }

    public void MapGrpcMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, ServerStreamingServerMethod<TRequest, TResponse> handler)
        where TRequest : class, IMessage<TRequest>
        where TResponse : class, IMessage<TResponse>
    {
        if (_app is not null)
            _app.MapGrpcMethod(method, handler);
        else
            _server!.MapGrpcMethod(method, handler);
    }

    public void MapGrpcMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, ClientStreamingServerMethod<TRequest, TResponse> handler)
        where TRequest : class, IMessage<TRequest>
        where TResponse : class, IMessage<TResponse>
    {
        if (_app is not null)
            _app.MapGrpcMethod(method, handler);
        else
            _server!.MapGrpcMethod(method, handler);
    }

    public void MapGrpcMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, DuplexStreamingServerMethod<TRequest, TResponse> handler)
        where TRequest : class, IMessage<TRequest>
        where TResponse : class, IMessage<TResponse>
    {
        if (_app is not null)
            _app.MapGrpcMethod(method, handler);
        else
            _server!.MapGrpcMethod(method, handler);
    }
}
