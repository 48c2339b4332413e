using System.Reflection;
using System.Text.Json;
using Alluxio.Grains.Security;

namespace Alluxio.Grains.Gateway;

/// <summary>
/// The conventions the grain gateway's two ends share (grpc/gateway/grain_gateway.proto): how an interface and a
/// method are named on the wire, which parameters the gateway fills itself, what a method's result looks like, and
/// the JSON form of arguments and results (System.Text.Json with the declared .NET types, so both ends must use the
/// same grain interface assembly).
/// </summary>
public static class GatewayCodec
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.General);

    /// <summary>"Namespace.IFooGrain, AssemblyName": resolvable with <see cref="Type.GetType(string)"/> where the assembly is loaded.</summary>
    public static string InterfaceName(Type interfaceType) =>
        $"{interfaceType.FullName}, {interfaceType.Assembly.GetName().Name}";

    /// <summary>"Name(System.String,System.Int64)": distinguishes overloads.</summary>
    public static string MethodKey(MethodInfo method) =>
        $"{method.Name}({string.Join(',', method.GetParameters().Select(p => p.ParameterType.FullName ?? p.ParameterType.Name))})";

    /// <summary>Whether the gateway supplies this parameter (the call's cancellation; the caller the connection authenticated).</summary>
    public static bool IsInjected(Type parameterType) =>
        parameterType == typeof(CancellationToken) || parameterType == typeof(CallerIdentity);

    /// <summary>The shape of <paramref name="returnType"/> and the type of its value or items (null for a completion).</summary>
    /// <exception cref="NotSupportedException">Not an asynchronous return type a grain method may have.</exception>
    public static (GrainResultShape Shape, Type? ValueType) Result(Type returnType)
    {
        if (returnType == typeof(Task) || returnType == typeof(ValueTask))
        {
            return (GrainResultShape.Completion, null);
        }

        if (returnType.IsGenericType)
        {
            var definition = returnType.GetGenericTypeDefinition();
            var argument = returnType.GetGenericArguments()[0];
            if (definition == typeof(Task<>) || definition == typeof(ValueTask<>))
            {
                return (GrainResultShape.Value, argument);
            }

            if (definition == typeof(IAsyncEnumerable<>))
            {
                return (GrainResultShape.Stream, argument);
            }
        }

        throw new NotSupportedException($"A grain method must return Task, Task<T>, ValueTask, ValueTask<T> or IAsyncEnumerable<T>, not {returnType}.");
    }

    /// <summary>The JSON of <paramref name="value"/> as a <paramref name="type"/>.</summary>
    public static byte[] Serialize(object? value, Type type) => JsonSerializer.SerializeToUtf8Bytes(value, type, Options);

    /// <summary>A <paramref name="type"/> read from JSON.</summary>
    /// <exception cref="JsonException">Not a JSON document of that type.</exception>
    public static object? Deserialize(ReadOnlySpan<byte> json, Type type) => JsonSerializer.Deserialize(json, type, Options);
}
