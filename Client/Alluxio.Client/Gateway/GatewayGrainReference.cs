using System.Collections.Concurrent;
using System.Reflection;
using Alluxio.Grains.Gateway;
using Alluxio.Protos.Grpc.Gateway;
using Alluxio.Runtime;
using Google.Protobuf;

namespace Alluxio.Client.Gateway;

/// <summary>
/// A grain reference of a <see cref="GrainClient"/>: <see cref="DispatchProxy"/> implements the grain interface, and
/// each call becomes a gateway call naming the interface, the key and the method, with its arguments as JSON
/// (CancellationToken and CallerIdentity parameters are not sent: the gateway fills them). References are cheap,
/// immutable, and compare equal by interface and key.
/// </summary>
public class GatewayGrainReference : DispatchProxy, IAddressable
{
    private static readonly ConcurrentDictionary<MethodInfo, GatewayMethod> Methods = new();
    private GrainClient? _client;
    private GrainKey? _key;
    private Type? _interface;

    /// <summary>The grain interface this reference implements.</summary>
    public Type InterfaceType => _interface ?? throw new InvalidOperationException("Uninitialised grain reference.");

    internal void Initialize(GrainClient client, Type interfaceType, GrainKey key)
    {
        _client = client;
        _interface = interfaceType;
        _key = key;
    }

    /// <inheritdoc/>
    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        ArgumentNullException.ThrowIfNull(targetMethod);
        var client = _client ?? throw new InvalidOperationException("Uninitialised grain reference.");
        var key = _key!;
        var method = Methods.GetOrAdd(targetMethod, m => new GatewayMethod(m));
        args ??= [];
        var call = new GrainCallP
        {
            Interface = GatewayCodec.InterfaceName(InterfaceType),
            KeyKind = key.Kind,
            Key = key.Key,
            KeyExtension = key.Extension,
            ClassPrefix = key.ClassPrefix,
            Method = method.Key,
        };
        for (var i = 0; i < args.Length; i++)
        {
            call.Arguments.Add(GatewayCodec.IsInjected(method.ParameterTypes[i])
                ? ByteString.Empty
                : UnsafeByteOperations.UnsafeWrap(GatewayCodec.Serialize(args[i], method.ParameterTypes[i])));
        }

        var token = method.CancellationIndex >= 0 && args[method.CancellationIndex] is CancellationToken t ? t : CancellationToken.None;
        return method.Adapt(client, call, token);
    }

    /// <inheritdoc/>
    public override bool Equals(object? obj) =>
        obj is GatewayGrainReference other && other._interface == _interface && Equals(other._key, _key);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(_interface, _key);

    /// <inheritdoc/>
    public override string ToString() => $"GatewayGrainReference:{_interface?.Name}/{_key?.Key}";
}
