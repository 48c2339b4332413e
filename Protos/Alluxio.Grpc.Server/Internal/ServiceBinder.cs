using System.Reflection;
using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace Alluxio.Grpc.Server.Internal;

/// <summary>
/// Binds each rpc of a protobuf service descriptor to the public instance method of the same name on TService, with
/// the Grpc.Core handler shapes. Reflection runs once at start-up: each method becomes an open-instance delegate,
/// so a call costs a delegate invocation, never MethodInfo.Invoke.
/// </summary>
internal static class ServiceBinder
{
    public static List<(BoundRpc Rpc, IServerCallHandler Handler)> Bind<TService>(
        Google.Protobuf.Reflection.ServiceDescriptor service, ServiceActivator<TService> activator, ServerRuntime runtime)
        where TService : class
    {
        var errors = new List<string>();
        var bound = new List<(BoundRpc, IServerCallHandler)>();
        foreach (var rpc in service.Methods)
        {
            var requestType = rpc.InputType.ClrType;
            var responseType = rpc.OutputType.ClrType;
            if (requestType is null || responseType is null)
            {
                errors.Add($"rpc {rpc.GetFullName()}: its messages have no generated CLR types.");
                continue;
            }

            var type = rpc.GetMethodType();
            var method = FindMethod(typeof(TService), rpc, type, ref requestType, ref responseType);
            if (method is null)
            {
                var (parameters, returnType) = ExpectedSignature(type, requestType, responseType);
                errors.Add(DescribeMismatch(typeof(TService), rpc, type, parameters, returnType));
                continue;
            }

            var binderName = type switch
            {
                MethodType.Unary => nameof(BindUnary),
                MethodType.ServerStreaming => nameof(BindServerStreaming),
                MethodType.ClientStreaming => nameof(BindClientStreaming),
                _ => nameof(BindDuplex),
            };
            var binder = typeof(ServiceBinder).GetMethod(binderName, BindingFlags.NonPublic | BindingFlags.Static)!
                .MakeGenericMethod(typeof(TService), requestType, responseType);
            var handler = (IServerCallHandler)binder.Invoke(null, [rpc, method, activator, runtime])!;
            bound.Add((new BoundRpc(rpc.GetFullName(), type), handler));
        }

        if (errors.Count > 0)
        {
            throw new InvalidOperationException(
                $"Cannot map gRPC service {service.FullName} to {typeof(TService).FullName}:{Environment.NewLine}  "
                + string.Join(Environment.NewLine + "  ", errors));
        }

        return bound;
    }

    /// <summary>The signature a handler of this shape must have.</summary>
    public static (Type[] Parameters, Type ReturnType) ExpectedSignature(MethodType type, Type request, Type response)
    {
        var reader = typeof(IAsyncStreamReader<>).MakeGenericType(request);
        var writer = typeof(IServerStreamWriter<>).MakeGenericType(response);
        var task = typeof(Task<>).MakeGenericType(response);
        return type switch
        {
            MethodType.Unary => ([request, typeof(ServerCallContext)], task),
            MethodType.ServerStreaming => ([request, writer, typeof(ServerCallContext)], typeof(Task)),
            MethodType.ClientStreaming => ([reader, typeof(ServerCallContext)], task),
            _ => ([reader, writer, typeof(ServerCallContext)], typeof(Task)),
        };
    }

    /// <summary>
    /// The handler of <paramref name="rpc"/>: a public instance method of its name and shape whose messages are the
    /// rpc's own or wire-compatible views of them (<see cref="WireCompatibility"/>); on success the message types are
    /// replaced by the handler's.
    /// </summary>
    private static MethodInfo? FindMethod(Type serviceType, MethodDescriptor rpc, MethodType type, ref Type request, ref Type response)
    {
        foreach (var candidate in serviceType.GetMethods(BindingFlags.Public | BindingFlags.Instance))
        {
            if (candidate.Name != rpc.Name || candidate.IsGenericMethodDefinition || MessageTypes(candidate, type) is not var (req, res))
                continue;
            if (!Fits(rpc.InputType, req) || !Fits(rpc.OutputType, res))
                continue;
            var (parameters, returnType) = ExpectedSignature(type, req, res);
            if (candidate.ReturnType == returnType && candidate.GetParameters().Select(p => p.ParameterType).SequenceEqual(parameters))
            {
                (request, response) = (req, res);
                return candidate;
            }
        }

        return null;
    }

    /// <summary>The request and response message types a handler of this shape names, or null if it has another shape.</summary>
    private static (Type Request, Type Response)? MessageTypes(MethodInfo method, MethodType type)
    {
        var parameters = method.GetParameters();
        var expectedCount = type is MethodType.Unary or MethodType.ClientStreaming ? 2 : 3;
        if (parameters.Length != expectedCount)
            return null;
        var first = parameters[0].ParameterType;
        var request = type is MethodType.Unary or MethodType.ServerStreaming ? first : GenericArgument(first, typeof(IAsyncStreamReader<>));
        var response = type is MethodType.Unary or MethodType.ClientStreaming
            ? GenericArgument(method.ReturnType, typeof(Task<>))
            : GenericArgument(parameters[1].ParameterType, typeof(IServerStreamWriter<>));
        return request is null || response is null ? null : (request, response);
    }

    private static Type? GenericArgument(Type type, Type definition) =>
        type.IsGenericType && type.GetGenericTypeDefinition() == definition ? type.GetGenericArguments()[0] : null;

    private static bool Fits(MessageDescriptor declared, Type clrType) =>
        declared.ClrType == clrType
        || (typeof(IMessage).IsAssignableFrom(clrType) && WireCompatibility.DescriptorOf(clrType) is { } view && WireCompatibility.Explain(declared, view) is null);

    private static string DescribeMismatch(Type serviceType, MethodDescriptor rpc, MethodType type, Type[] parameters, Type returnType)
    {
        var names = type switch
        {
            MethodType.Unary => new[] { "request", "context" },
            MethodType.ServerStreaming => ["request", "responseStream", "context"],
            MethodType.ClientStreaming => ["requestStream", "context"],
            _ => ["requestStream", "responseStream", "context"],
        };
        var expected = $"public {TypeName(returnType)} {rpc.Name}({string.Join(", ", parameters.Select((p, i) => TypeName(p) + " " + names[i]))})";
        var found = serviceType.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static)
            .Where(m => m.Name == rpc.Name)
            .Select(m => $"{(m.IsPublic ? "public " : "non-public ")}{(m.IsStatic ? "static " : "")}{TypeName(m.ReturnType)} {m.Name}({string.Join(", ", m.GetParameters().Select(p => TypeName(p.ParameterType)))})")
            .ToList();
        return $"rpc {rpc.GetFullName()} ({type}) needs `{expected}`; "
            + (found.Count == 0 ? "there is no method of that name." : "found only: " + string.Join("; ", found) + ".");
    }

    private static string TypeName(Type type)
    {
        if (!type.IsGenericType)
            return type.Name;
        var name = type.Name[..type.Name.IndexOf('`', StringComparison.Ordinal)];
        return $"{name}<{string.Join(", ", type.GetGenericArguments().Select(TypeName))}>";
    }

    private static IServerCallHandler BindUnary<TService, TRequest, TResponse>(MethodDescriptor rpc, MethodInfo method, ServiceActivator<TService> activator, ServerRuntime runtime)
        where TService : class
        where TRequest : class, IMessage<TRequest>
        where TResponse : class, IMessage<TResponse>
    {
        var invoke = method.CreateDelegate<Func<TService, TRequest, ServerCallContext, Task<TResponse>>>();
        UnaryServerMethod<TRequest, TResponse> handler = activator.NeedsRelease
            ? async (request, context) =>
            {
                var service = activator.Get(context);
                try
                {
                    return await invoke(service, request, context).ConfigureAwait(false);
                }
                finally
                {
                    await ServiceActivator<TService>.ReleaseAsync(service).ConfigureAwait(false);
                }
            }
            : (request, context) => invoke(activator.Get(context), request, context);
        return new UnaryCallHandler<TRequest, TResponse>(Method<TRequest, TResponse>.From(rpc), runtime, handler);
    }

    private static IServerCallHandler BindServerStreaming<TService, TRequest, TResponse>(MethodDescriptor rpc, MethodInfo method, ServiceActivator<TService> activator, ServerRuntime runtime)
        where TService : class
        where TRequest : class, IMessage<TRequest>
        where TResponse : class, IMessage<TResponse>
    {
        var invoke = method.CreateDelegate<Func<TService, TRequest, IServerStreamWriter<TResponse>, ServerCallContext, Task>>();
        ServerStreamingServerMethod<TRequest, TResponse> handler = activator.NeedsRelease
            ? async (request, stream, context) =>
            {
                var service = activator.Get(context);
                try
                {
                    await invoke(service, request, stream, context).ConfigureAwait(false);
                }
                finally
                {
                    await ServiceActivator<TService>.ReleaseAsync(service).ConfigureAwait(false);
                }
            }
            : (request, stream, context) => invoke(activator.Get(context), request, stream, context);
        return new ServerStreamingCallHandler<TRequest, TResponse>(Method<TRequest, TResponse>.From(rpc), runtime, handler);
    }

    private static IServerCallHandler BindClientStreaming<TService, TRequest, TResponse>(MethodDescriptor rpc, MethodInfo method, ServiceActivator<TService> activator, ServerRuntime runtime)
        where TService : class
        where TRequest : class, IMessage<TRequest>
        where TResponse : class, IMessage<TResponse>
    {
        var invoke = method.CreateDelegate<Func<TService, IAsyncStreamReader<TRequest>, ServerCallContext, Task<TResponse>>>();
        ClientStreamingServerMethod<TRequest, TResponse> handler = activator.NeedsRelease
            ? async (stream, context) =>
            {
                var service = activator.Get(context);
                try
                {
                    return await invoke(service, stream, context).ConfigureAwait(false);
                }
                finally
                {
                    await ServiceActivator<TService>.ReleaseAsync(service).ConfigureAwait(false);
                }
            }
            : (stream, context) => invoke(activator.Get(context), stream, context);
        return new ClientStreamingCallHandler<TRequest, TResponse>(Method<TRequest, TResponse>.From(rpc), runtime, handler);
    }

    private static IServerCallHandler BindDuplex<TService, TRequest, TResponse>(MethodDescriptor rpc, MethodInfo method, ServiceActivator<TService> activator, ServerRuntime runtime)
        where TService : class
        where TRequest : class, IMessage<TRequest>
        where TResponse : class, IMessage<TResponse>
    {
        var invoke = method.CreateDelegate<Func<TService, IAsyncStreamReader<TRequest>, IServerStreamWriter<TResponse>, ServerCallContext, Task>>();
        DuplexStreamingServerMethod<TRequest, TResponse> handler = activator.NeedsRelease
            ? async (requests, responses, context) =>
            {
                var service = activator.Get(context);
                try
                {
                    await invoke(service, requests, responses, context).ConfigureAwait(false);
                }
                finally
                {
                    await ServiceActivator<TService>.ReleaseAsync(service).ConfigureAwait(false);
                }
            }
            : (requests, responses, context) => invoke(activator.Get(context), requests, responses, context);
        return new DuplexStreamingCallHandler<TRequest, TResponse>(Method<TRequest, TResponse>.From(rpc), runtime, handler);
    }

    /// <summary>A bound rpc: its path and shape.</summary>
    internal readonly record struct BoundRpc(string FullName, MethodType Type);
}
