using System.Runtime.CompilerServices;
using Alluxio.Grpc.Server.Health;
using Alluxio.Grpc.Server.Internal;
using Google.Protobuf;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ProtoServiceDescriptor = Google.Protobuf.Reflection.ServiceDescriptor;

namespace Alluxio.Grpc.Server;

/// <summary>Mapping gRPC services and methods onto ASP.NET Core endpoints (POST /package.Service/Method).</summary>
public static class GrpcEndpointRouteBuilderExtensions
{
    private static readonly ConditionalWeakTable<IEndpointRouteBuilder, object> s_catchAllMapped = [];

    /// <summary>
    /// Maps every rpc of <paramref name="descriptor"/> to the public instance method of the same name on
    /// <typeparamref name="TService"/>, with the Grpc.Core shapes:
    /// unary <c>Task&lt;TRes&gt; Name(TReq, ServerCallContext)</c>,
    /// server streaming <c>Task Name(TReq, IServerStreamWriter&lt;TRes&gt;, ServerCallContext)</c>,
    /// client streaming <c>Task&lt;TRes&gt; Name(IAsyncStreamReader&lt;TReq&gt;, ServerCallContext)</c>,
    /// duplex <c>Task Name(IAsyncStreamReader&lt;TReq&gt;, IServerStreamWriter&lt;TRes&gt;, ServerCallContext)</c>.
    /// A missing or mismatched method throws <see cref="InvalidOperationException"/> here, at start-up, naming each
    /// rpc and the signature it needs.
    /// <para>
    /// Instances: a service registered as a singleton is resolved once and shared by all calls; one registered
    /// scoped or transient is resolved from the request's scope for each call; an unregistered type is created for
    /// each call with ActivatorUtilities (constructor injection) and disposed after it.
    /// </para>
    /// Requests for other methods of the same service, and for unknown services, get UNIMPLEMENTED.
    /// </summary>
    public static IEndpointConventionBuilder MapGrpcService<TService>(this IEndpointRouteBuilder endpoints, ProtoServiceDescriptor descriptor)
        where TService : class
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentNullException.ThrowIfNull(descriptor);
        var marker = GetMarker(endpoints);
        var runtime = CreateRuntime(endpoints);
        var activator = ServiceActivator<TService>.Create(marker.Services, endpoints.ServiceProvider);
        var bound = ServiceBinder.Bind(descriptor, activator, runtime);

        var builders = new List<IEndpointConventionBuilder>();
        foreach (var (rpc, handler) in bound)
            builders.Add(MapRpc(endpoints, rpc.FullName, rpc.Type, typeof(TService), handler.HandleCallAsync));

        builders.Add(MapCatchAll(endpoints, $"/{descriptor.FullName}/{{{Unimplemented.MethodParameter}}}", runtime, "Method is unimplemented.", order: 1));
        EnsureServiceCatchAll(endpoints, runtime);
        ServerLog.ServiceMapped(runtime.Logger, descriptor.FullName, bound.Count, typeof(TService).FullName ?? typeof(TService).Name,
            activator.Description, runtime.Options);
        return new CompositeConventionBuilder(builders);
    }

    /// <summary>Maps the standard grpc.health.v1.Health service onto the <see cref="HealthService"/> singleton.</summary>
    public static IEndpointConventionBuilder MapGrpcHealthService(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGrpcService<HealthService>(Alluxio.Protos.Grpc.Health.V1.HealthReflection.Descriptor.Services[0]);

    /// <summary>Maps one unary rpc to a delegate.</summary>
    public static IEndpointConventionBuilder MapGrpcMethod<TRequest, TResponse>(this IEndpointRouteBuilder endpoints, Method<TRequest, TResponse> method, UnaryServerMethod<TRequest, TResponse> handler)
        where TRequest : class, IMessage<TRequest>
        where TResponse : class, IMessage<TResponse>
    {
        var runtime = Prepare(endpoints, method, handler, MethodType.Unary);
        return MapRpc(endpoints, method.FullName, method.Type, null, new UnaryCallHandler<TRequest, TResponse>(method, runtime, handler).HandleCallAsync);
    }

    /// <summary>Maps one server-streaming rpc to a delegate.</summary>
    public static IEndpointConventionBuilder MapGrpcMethod<TRequest, TResponse>(this IEndpointRouteBuilder endpoints, Method<TRequest, TResponse> method, ServerStreamingServerMethod<TRequest, TResponse> handler)
        where TRequest : class, IMessage<TRequest>
        where TResponse : class, IMessage<TResponse>
    {
        var runtime = Prepare(endpoints, method, handler, MethodType.ServerStreaming);
        return MapRpc(endpoints, method.FullName, method.Type, null, new ServerStreamingCallHandler<TRequest, TResponse>(method, runtime, handler).HandleCallAsync);
    }

    /// <summary>Maps one client-streaming rpc to a delegate.</summary>
    public static IEndpointConventionBuilder MapGrpcMethod<TRequest, TResponse>(this IEndpointRouteBuilder endpoints, Method<TRequest, TResponse> method, ClientStreamingServerMethod<TRequest, TResponse> handler)
        where TRequest : class, IMessage<TRequest>
        where TResponse : class, IMessage<TResponse>
    {
        var runtime = Prepare(endpoints, method, handler, MethodType.ClientStreaming);
        return MapRpc(endpoints, method.FullName, method.Type, null, new ClientStreamingCallHandler<TRequest, TResponse>(method, runtime, handler).HandleCallAsync);
    }

    /// <summary>Maps one duplex rpc to a delegate.</summary>
    public static IEndpointConventionBuilder MapGrpcMethod<TRequest, TResponse>(this IEndpointRouteBuilder endpoints, Method<TRequest, TResponse> method, DuplexStreamingServerMethod<TRequest, TResponse> handler)
        where TRequest : class, IMessage<TRequest>
        where TResponse : class, IMessage<TResponse>
    {
        var runtime = Prepare(endpoints, method, handler, MethodType.DuplexStreaming);
        return MapRpc(endpoints, method.FullName, method.Type, null, new DuplexStreamingCallHandler<TRequest, TResponse>(method, runtime, handler).HandleCallAsync);
    }

    private static ServerRuntime Prepare<TRequest, TResponse>(IEndpointRouteBuilder endpoints, Method<TRequest, TResponse> method, Delegate handler, MethodType shape)
        where TRequest : class, IMessage<TRequest>
        where TResponse : class, IMessage<TResponse>
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(handler);
        if (method.Type != shape)
            throw new ArgumentException($"rpc {method.FullName} is {method.Type} but the handler is for {shape} calls.", nameof(handler));
        GetMarker(endpoints);
        var runtime = CreateRuntime(endpoints);
        EnsureServiceCatchAll(endpoints, runtime);
        return runtime;
    }

    private static IEndpointConventionBuilder MapRpc(IEndpointRouteBuilder endpoints, string fullName, MethodType type, Type? serviceType, RequestDelegate handler)
    {
        var builder = endpoints.MapPost(fullName, handler);
        builder.WithDisplayName("gRPC " + fullName);
        builder.WithMetadata(new GrpcMethodMetadata(fullName, type, serviceType));
        return builder;
    }

    private static void EnsureServiceCatchAll(IEndpointRouteBuilder endpoints, ServerRuntime runtime)
    {
        lock (s_catchAllMapped)
        {
            if (s_catchAllMapped.TryGetValue(endpoints, out _))
                return;
            s_catchAllMapped.Add(endpoints, new object());
        }

        MapCatchAll(endpoints, $"/{{{Unimplemented.ServiceParameter}}}/{{{Unimplemented.MethodParameter}}}", runtime, "Service is unimplemented.", order: 2);
    }

    private static IEndpointConventionBuilder MapCatchAll(IEndpointRouteBuilder endpoints, string pattern, ServerRuntime runtime, string message, int order)
    {
        var routePattern = RoutePatternFactory.Parse(pattern, defaults: null,
            parameterPolicies: new RouteValueDictionary { [Unimplemented.MethodParameter] = new Unimplemented.GrpcRequestConstraint() });
        var builder = endpoints.Map(routePattern, Unimplemented.Handler(runtime, message));
        builder.WithDisplayName("gRPC unimplemented " + pattern);
        builder.WithMetadata(new HttpMethodMetadata(["POST"]));
        builder.Add(b => ((RouteEndpointBuilder)b).Order = order);
        return builder;
    }

    private static GrpcWireMarker GetMarker(IEndpointRouteBuilder endpoints) =>
        endpoints.ServiceProvider.GetService<GrpcWireMarker>()
        ?? throw new InvalidOperationException("The gRPC wire layer is not registered: call services.AddGrpcWire() before mapping gRPC services.");

    private static ServerRuntime CreateRuntime(IEndpointRouteBuilder endpoints)
    {
        var services = endpoints.ServiceProvider;
        var options = services.GetRequiredService<IOptions<GrpcServerOptions>>().Value;
        var logger = services.GetService<ILoggerFactory>()?.CreateLogger("Alluxio.Grpc.Server") ?? Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;
        var time = services.GetService<TimeProvider>() ?? TimeProvider.System;
        return new ServerRuntime(options, logger, time);
    }

    private sealed class CompositeConventionBuilder(List<IEndpointConventionBuilder> builders) : IEndpointConventionBuilder
    {
        public void Add(Action<EndpointBuilder> convention)
        {
            foreach (var builder in builders)
                builder.Add(convention);
        }

        public void Finally(Action<EndpointBuilder> finallyConvention)
        {
            foreach (var builder in builders)
                builder.Finally(finallyConvention);
        }
    }
}
