using Alluxio.Runtime.Configuration;
using Microsoft.Extensions.Options;

namespace Alluxio.Runtime.Activation;

/// <summary>Every collection quantum, asks the catalog to deactivate activations idle past their collection age.</summary>
internal sealed class ActivationCollector(Catalog catalog, TimeProvider time, IOptions<GrainCollectionOptions> options) : IDisposable
{
    private ITimer? _timer;

    public void Start()
    {
        var quantum = options.Value.CollectionQuantum;
        _timer = time.CreateTimer(static s => ((Catalog)s!).CollectIdleActivations(), catalog, quantum, quantum);
    }

    public void Dispose() => _timer?.Dispose();
}
