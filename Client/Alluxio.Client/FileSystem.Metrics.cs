using Alluxio.Grpc;
using Alluxio.Protos.Grpc.Meta;

namespace Alluxio.Client;

/// <summary>The cluster's metrics (<c>alluxio fsadmin report metrics</c>).</summary>
public sealed partial class FileSystem
{
    private static readonly Method<GetMetricsPRequest, GetMetricsPResponse> GetMetricsMethod =
        Method<GetMetricsPRequest, GetMetricsPResponse>.From(MetaMasterReflection.Descriptor.Services[0], "GetMetrics");

    /// <summary>
    /// The silo's metrics now, sorted by name: the worker's bytes read and written (cache and UFS), the workers'
    /// capacity, and the master's operation counts. Counters start at 0 when the silo starts.
    /// </summary>
    public async Task<IReadOnlyList<ClusterMetric>> GetMetricsAsync(CancellationToken cancellationToken = default)
    {
        var response = await Call(GetMetricsMethod, new GetMetricsPRequest(), cancellationToken);
        return
        [
            .. response.Metrics
                .Select(m => new ClusterMetric(m.Key, m.Value.MetricType == MetricType.Counter, m.Value.LongValue))
                .OrderBy(m => m.Name, StringComparer.Ordinal),
        ];
    }
}
