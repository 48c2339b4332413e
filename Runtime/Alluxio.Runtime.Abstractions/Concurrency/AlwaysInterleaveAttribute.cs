namespace Alluxio.Runtime;

/// <summary>On a grain interface method: calls to it interleave with any other request, even on non-reentrant grains.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class AlwaysInterleaveAttribute : Attribute;
