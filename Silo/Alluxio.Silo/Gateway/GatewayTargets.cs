using System.Collections.Concurrent;
using System.Globalization;
using System.Reflection;
using Alluxio.Grains.Exceptions;
using Alluxio.Grains.Gateway;
using Alluxio.Protos.Grpc.Gateway;
using Alluxio.Runtime;

namespace Alluxio.Silo.Gateway;

/// <summary>
/// Resolves what a gateway call names: the grain interface (a loaded interface deriving from <see cref="IAddressable"/>),
/// the grain reference for its key, and the method. Everything resolved is cached; anything that does not resolve is an
/// <see cref="InvalidArgumentException"/> naming the problem (nothing is called).
/// </summary>
internal sealed class GatewayTargets(IGrainFactory grains)
{
    private static readonly MethodInfo[] FactoryMethods = typeof(IGrainFactory).GetMethods();
    private readonly ConcurrentDictionary<string, Type> _interfaces = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(Type Interface, string Method), GatewayTarget> _methods = new();
    private readonly ConcurrentDictionary<(Type Interface, GrainKeyKindP Kind), MethodInfo> _getGrain = new();

    /// <summary>The reference and method a call names.</summary>
    public (IAddressable Grain, GatewayTarget Target) Resolve(GrainCallP call)
    {
        var interfaceType = _interfaces.GetOrAdd(call.Interface, FindInterface);
        var target = _methods.GetOrAdd((interfaceType, call.Method), key => FindMethod(key.Interface, key.Method));
        return (Reference(interfaceType, call), target);
    }

    private static Type FindInterface(string name)
    {
        Type? type;
        try
        {
            type = Type.GetType(name, throwOnError: false);
        }
        catch (Exception e) when (e is ArgumentException or IOException or BadImageFormatException)
        {
            type = null;
        }

        return type is { IsInterface: true } && typeof(IAddressable).IsAssignableFrom(type)
            ? type
            : throw new InvalidArgumentException($"\"{name}\" is not a grain interface this silo knows.");
    }

    private static GatewayTarget FindMethod(Type interfaceType, string key)
    {
        var method = interfaceType.GetMethods().Concat(interfaceType.GetInterfaces().SelectMany(i => i.GetMethods()))
            .FirstOrDefault(m => GatewayCodec.MethodKey(m) == key)
            ?? throw new InvalidArgumentException($"{interfaceType.Name} has no method {key}.");
        try
        {
            return new GatewayTarget(method);
        }
        catch (NotSupportedException e)
        {
            throw new InvalidArgumentException($"{interfaceType.Name}.{method.Name} cannot be called through the gateway: {e.Message}");
        }
    }

    private IAddressable Reference(Type interfaceType, GrainCallP call)
    {
        var prefix = call.ClassPrefix.Length == 0 ? null : call.ClassPrefix;
        try
        {
            if (call.KeyKind == GrainKeyKindP.GrainKeyKindGrainId)
            {
                return grains.GetGrain(interfaceType, GrainId.Parse(call.Key));
            }

            var getGrain = _getGrain.GetOrAdd((interfaceType, call.KeyKind), key => FactoryMethod(key.Interface, key.Kind));
            object?[] arguments = call.KeyKind switch
            {
                GrainKeyKindP.GrainKeyKindString => [call.Key, prefix],
                GrainKeyKindP.GrainKeyKindInteger => [long.Parse(call.Key, NumberStyles.Integer, CultureInfo.InvariantCulture), prefix],
                GrainKeyKindP.GrainKeyKindGuid => [Guid.ParseExact(call.Key, "D"), prefix],
                GrainKeyKindP.GrainKeyKindIntegerCompound => [long.Parse(call.Key, NumberStyles.Integer, CultureInfo.InvariantCulture), call.KeyExtension, prefix],
                GrainKeyKindP.GrainKeyKindGuidCompound => [Guid.ParseExact(call.Key, "D"), call.KeyExtension, prefix],
                _ => throw new InvalidArgumentException($"Unknown grain key kind {call.KeyKind}."),
            };
            return (IAddressable)getGrain.Invoke(grains, arguments)!;
        }
        catch (TargetInvocationException e) when (e.InnerException is { } inner)
        {
            throw new InvalidArgumentException($"No {interfaceType.Name} with key \"{call.Key}\": {inner.Message}");
        }
        catch (FormatException e)
        {
            throw new InvalidArgumentException($"Grain key \"{call.Key}\" is not a {call.KeyKind}: {e.Message}");
        }
    }

    /// <summary>IGrainFactory.GetGrain&lt;T&gt; for the key kind, closed over the interface (refused when the interface has another kind of key).</summary>
    private static MethodInfo FactoryMethod(Type interfaceType, GrainKeyKindP kind)
    {
        Type[] parameters = kind switch
        {
            GrainKeyKindP.GrainKeyKindString => [typeof(string), typeof(string)],
            GrainKeyKindP.GrainKeyKindInteger => [typeof(long), typeof(string)],
            GrainKeyKindP.GrainKeyKindGuid => [typeof(Guid), typeof(string)],
            GrainKeyKindP.GrainKeyKindIntegerCompound => [typeof(long), typeof(string), typeof(string)],
            GrainKeyKindP.GrainKeyKindGuidCompound => [typeof(Guid), typeof(string), typeof(string)],
            _ => throw new InvalidArgumentException($"Unknown grain key kind {kind}."),
        };
        var definition = FactoryMethods.Single(m => m.Name == nameof(IGrainFactory.GetGrain) && m.IsGenericMethodDefinition
            && m.GetParameters().Select(p => p.ParameterType).SequenceEqual(parameters));
        try
        {
            return definition.MakeGenericMethod(interfaceType);
        }
        catch (ArgumentException)
        {
            throw new InvalidArgumentException($"{interfaceType.Name} is not keyed by {kind}.");
        }
    }
}
