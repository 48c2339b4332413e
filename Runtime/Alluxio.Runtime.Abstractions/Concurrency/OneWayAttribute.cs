namespace Alluxio.Runtime;

/// <summary>
/// On a grain interface method returning <see cref="Task"/> or <see cref="ValueTask"/>: the caller does not wait; its
/// task completes as soon as the request is queued, and failures are only logged.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class OneWayAttribute : Attribute;
