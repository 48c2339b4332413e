namespace Alluxio.Runtime;

/// <summary>On a grain class: its stable type name (see <see cref="GrainType"/>).</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class GrainTypeAttribute(string grainType) : Attribute
{
    /// <summary>The type name.</summary>
    public string GrainType { get; } = grainType;
}
