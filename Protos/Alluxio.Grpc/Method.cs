using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace Alluxio.Grpc;

/// <summary>
/// One rpc of a service: its path (<c>/package.Service/Name</c>), shape and message parsers. Build it from the
/// protobuf descriptors with <see cref="From(ServiceDescriptor, string)"/>, which checks that the CLR message types
/// match the .proto. Immutable; create once and reuse.
/// </summary>
/// <typeparam name="TRequest">The request message type.</typeparam>
/// <typeparam name="TResponse">The response message type.</typeparam>
public sealed class Method<TRequest, TResponse>
    where TRequest : class, IMessage<TRequest>
    where TResponse : class, IMessage<TResponse>
{
    public Method(MethodType type, string serviceName, string name, MessageParser<TRequest> requestParser, MessageParser<TResponse> responseParser)
    {
        ArgumentException.ThrowIfNullOrEmpty(serviceName);
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(requestParser);
        ArgumentNullException.ThrowIfNull(responseParser);
        if (serviceName.Contains('/', StringComparison.Ordinal) || name.Contains('/', StringComparison.Ordinal))
            throw new ArgumentException($"Service and method names may not contain '/': '{serviceName}', '{name}'.");
        Type = type;
        ServiceName = serviceName;
        Name = name;
        FullName = "/" + serviceName + "/" + name;
        RequestParser = requestParser;
        ResponseParser = responseParser;
    }

    public MethodType Type { get; }

    /// <summary>The fully qualified service name, e.g. <c>grpc.health.v1.Health</c>.</summary>
    public string ServiceName { get; }

    /// <summary>The rpc name, e.g. <c>Check</c>.</summary>
    public string Name { get; }

    /// <summary>The HTTP/2 <c>:path</c>, e.g. <c>/grpc.health.v1.Health/Check</c>.</summary>
    public string FullName { get; }

    public MessageParser<TRequest> RequestParser { get; }

    public MessageParser<TResponse> ResponseParser { get; }

    /// <summary>Builds the method for rpc <paramref name="name"/> of <paramref name="service"/>, checking the message types.</summary>
    /// <exception cref="ArgumentException">No such rpc, or its messages are not TRequest / TResponse.</exception>
    public static Method<TRequest, TResponse> From(ServiceDescriptor service, string name)
    {
        ArgumentNullException.ThrowIfNull(service);
        ArgumentException.ThrowIfNullOrEmpty(name);
        var method = service.FindMethodByName(name)
            ?? throw new ArgumentException(
                $"Service '{service.FullName}' has no rpc '{name}' (it has: {string.Join(", ", service.Methods.Select(m => m.Name))}).",
                nameof(name));
        return From(method);
    }

    /// <summary>As <see cref="From(ServiceDescriptor, string)"/>, and also checks that the rpc has the expected shape.</summary>
    /// <exception cref="ArgumentException">No such rpc, wrong message types, or the streaming flags do not give <paramref name="expectedType"/>.</exception>
    public static Method<TRequest, TResponse> From(ServiceDescriptor service, string name, MethodType expectedType)
    {
        var method = From(service, name);
        if (method.Type != expectedType)
        {
            throw new ArgumentException(
                $"rpc {method.FullName} is {method.Type} ({DescribeStreaming(method.Type)}), not {expectedType} ({DescribeStreaming(expectedType)}).",
                nameof(expectedType));
        }

        return method;
    }

    /// <summary>
    /// Builds the method from its descriptor, checking the message types: each is the rpc's own message or a view
    /// of it with the same wire encoding (<see cref="WireCompatibility"/>).
    /// </summary>
    public static Method<TRequest, TResponse> From(MethodDescriptor method)
    {
        ArgumentNullException.ThrowIfNull(method);
        var request = CheckType(method, method.InputType, typeof(TRequest), "request");
        var response = CheckType(method, method.OutputType, typeof(TResponse), "response");
        return new Method<TRequest, TResponse>(
            method.GetMethodType(),
            method.Service.FullName,
            method.Name,
            ParserOf<TRequest>(request),
            ParserOf<TResponse>(response));
    }

    public override string ToString() => $"{FullName} ({Type})";

    private static string DescribeStreaming(MethodType type) => type switch
    {
        MethodType.Unary => "no stream",
        MethodType.ClientStreaming => "stream request",
        MethodType.ServerStreaming => "stream response",
        _ => "stream request and response",
    };

    /// <summary>The descriptor of <paramref name="clrType"/>: the rpc's message, or a wire-compatible view of it.</summary>
    private static MessageDescriptor CheckType(MethodDescriptor method, MessageDescriptor message, Type clrType, string role)
    {
        if (message.ClrType == clrType)
        {
            return message;
        }

        var view = WireCompatibility.DescriptorOf(clrType);
        var problem = view is null ? "it is not a generated message" : WireCompatibility.Explain(message, view);
        if (problem is not null)
        {
            throw new ArgumentException(
                $"rpc /{method.Service.FullName}/{method.Name} takes {role} message {message.FullName} " +
                $"(CLR type {message.ClrType?.FullName ?? "unknown"}), not {clrType.FullName}: {problem}");
        }

        return view!;
    }

    private static MessageParser<T> ParserOf<T>(MessageDescriptor message)
        where T : class, IMessage<T>
    {
        // Generated messages hand their typed static Parser to the descriptor.
        return message.Parser as MessageParser<T>
            ?? throw new ArgumentException($"Message {message.FullName} has no MessageParser<{typeof(T).Name}>; is it generated code?");
    }
}
