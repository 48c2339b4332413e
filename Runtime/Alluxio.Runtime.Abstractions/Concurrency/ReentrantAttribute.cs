namespace Alluxio.Runtime;

/// <summary>
/// On a grain class: requests may interleave at await points (still one thread at a time). Without it a request
/// runs to completion before the next one starts.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = true)]
public sealed class ReentrantAttribute : Attribute;
