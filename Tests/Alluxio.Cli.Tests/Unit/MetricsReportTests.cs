using Alluxio.Cli.Formatting;
using Alluxio.Client;
using Xunit;

namespace Alluxio.Cli.Tests.Unit;

/// <summary>fsadmin report metrics: Alluxio's line per metric, sorted, byte metrics as human sizes.</summary>
public sealed class MetricsReportTests
{
    [Fact]
    public void PrintsOneLinePerMetricSortedWithByteValuesHumanReadable()
    {
        ClusterMetric[] metrics =
        [
            new("Master.FilesCreated", true, 12345),
            new("Cluster.Workers", false, 1),
            new("Cluster.BytesReadUfsAll", true, 3 << 20),
            new("Cluster.CapacityTotal", false, 1L << 30),
            new("Cluster.BytesReadAlluxio", true, 0),
        ];

        Assert.Equal(
        [
            "Cluster.BytesReadAlluxio  (Type: COUNTER, Value: 0B)",
            "Cluster.BytesReadUfsAll  (Type: COUNTER, Value: 3072.00KB)",
            "Cluster.CapacityTotal  (Type: GAUGE, Value: 1024.00MB)",
            "Cluster.Workers  (Type: GAUGE, Value: 1)",
            "Master.FilesCreated  (Type: COUNTER, Value: 12345)",
        ], MetricsReport.Lines(metrics));
    }
}
