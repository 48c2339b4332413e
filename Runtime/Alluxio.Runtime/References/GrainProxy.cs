using System.Reflection;
using Alluxio.Runtime.Messaging;
using Alluxio.Runtime.Metadata;

namespace Alluxio.Runtime.References;

/// <summary>
/// The base of every grain reference. <see cref="DispatchProxy"/> generates, once per grain interface, a subclass
/// implementing that interface; each interface call lands in <see cref="Invoke"/>, which hands it to the cached
/// <see cref="GrainMethod"/>. References are immutable, compare equal by grain id and interface, and are passed
/// between grains without copying.
/// </summary>
public class GrainProxy : DispatchProxy, IGrainReference, IGrainReferenceCaster
{
    private GrainInterfaceInfo? _interface;
    private GrainCallDispatcher? _dispatcher;
    private GrainFactory? _factory;

    /// <inheritdoc/>
    public GrainId GrainId { get; private set; }

    /// <inheritdoc/>
    public Type InterfaceType => Interface.InterfaceType;

    internal GrainInterfaceInfo Interface => _interface ?? throw new InvalidOperationException("Uninitialised grain reference.");

    internal GrainCallDispatcher Dispatcher => _dispatcher ?? throw new InvalidOperationException("Uninitialised grain reference.");

    internal void Initialize(GrainFactory factory, GrainCallDispatcher dispatcher, GrainInterfaceInfo info, GrainId grainId)
    {
        _factory = factory;
        _dispatcher = dispatcher;
        _interface = info;
        GrainId = grainId;
    }

    /// <inheritdoc/>
    public IAddressable Cast(Type interfaceType) =>
        _factory?.CreateReference(interfaceType, GrainId) ?? throw new InvalidOperationException("Uninitialised grain reference.");

    /// <inheritdoc/>
    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args) =>
        Interface.GetMethod(targetMethod!).Call(this, args ?? []);

    /// <inheritdoc/>
    public override bool Equals(object? obj) =>
        obj is GrainProxy other && other.GrainId == GrainId && other._interface?.InterfaceType == _interface?.InterfaceType;

    /// <inheritdoc/>
    public override int GetHashCode() => GrainId.GetHashCode();

    /// <inheritdoc/>
    public override string ToString() => $"GrainReference:{GrainId} ({_interface?.InterfaceType.Name})";
}
