namespace Alluxio.Runtime;

/// <summary>
/// On a grain interface method: the method does not change the grain's state, so it may interleave with other
/// read-only requests (but not with others).
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ReadOnlyAttribute : Attribute;
