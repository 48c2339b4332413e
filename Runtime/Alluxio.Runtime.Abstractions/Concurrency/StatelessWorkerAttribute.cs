namespace Alluxio.Runtime;

/// <summary>
/// On a grain class: the grain holds no identity-bound state, so each silo may run several activations of the same
/// id (up to <see cref="MaxLocalWorkers"/>, default the processor count), created on demand and always local.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = true)]
public sealed class StatelessWorkerAttribute(int maxLocalWorkers = -1) : Attribute
{
    /// <summary>The most activations per silo; -1 means <see cref="Environment.ProcessorCount"/>.</summary>
    public int MaxLocalWorkers { get; } = maxLocalWorkers;
}
