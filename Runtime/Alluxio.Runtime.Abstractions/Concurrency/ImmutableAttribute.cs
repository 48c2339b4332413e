namespace Alluxio.Runtime;

/// <summary>
/// On a type: instances are never mutated after construction, so the runtime passes them between caller and grain
/// without copying. Types whose fields are all readonly and immutable are detected without the attribute.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct | AttributeTargets.Parameter | AttributeTargets.ReturnValue)]
public sealed class ImmutableAttribute : Attribute;
