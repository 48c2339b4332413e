using Alluxio.Cli.Formatting;
using Alluxio.Grains.Blocks;
using Alluxio.Grains.FileSystem;
using Xunit;

namespace Alluxio.Cli.Tests.Unit;

public sealed class ReportFormatterTests
{
    private static readonly DateTimeOffset Now = new(2024, 1, 2, 3, 4, 5, TimeSpan.Zero);

    [Fact]
    public void CapacityFollowsAlluxiosLayoutWithATotalColumnForSeveralTiers()
    {
        WorkerInfo[] workers =
        [
            new(2, "10.0.0.2:29999", "worker-b", [new("MEM", 1L << 30, 256L << 20), new("SSD", 3L << 30, 0)], 10, Now.AddSeconds(-3)),
            new(1, "10.0.0.1:29999", "worker-a", [new("MEM", 1L << 30, 768L << 20), new("SSD", 3L << 30, 1L << 30)], 20, Now),
        ];

        string[] expected =
        [
            "Capacity information for all workers: ",
            "    Total Capacity: 8.00GB",
            "        Tier: MEM  Size: 2048.00MB",
            "        Tier: SSD  Size: 6.00GB",
            "    Used Capacity: 2048.00MB",
            "        Tier: MEM  Size: 1024.00MB",
            "        Tier: SSD  Size: 1024.00MB",
            "    Used Percentage: 25%",
            "    Free Percentage: 75%",
            "",
            "Worker Name      Last Heartbeat   Storage       Total            MEM              SSD",
            "worker-a         0                capacity      4096.00MB        1024.00MB        3072.00MB",
            "                                  used          1792.00MB (43%)  768.00MB (75%)   1024.00MB (33%)",
            "worker-b         3                capacity      4096.00MB        1024.00MB        3072.00MB",
            "                                  used          256.00MB (6%)    256.00MB (25%)   0B (0%)",
        ];
        Assert.Equal(expected, CapacityReport.Lines(workers, Now));
    }

    [Fact]
    public void CapacityWithOneTierHasNoTotalColumnAndNoWorkersIsZero()
    {
        var lines = CapacityReport.Lines([new(1, "h:1", "h", [new("MEM", 1000, 10)], 1, Now)], Now).ToList();
        Assert.Equal("Worker Name      Last Heartbeat   Storage       MEM", lines[^3]);
        Assert.Equal("                                  used          10B (1%)", lines[^1]);

        var empty = CapacityReport.Lines([], Now).ToList();
        Assert.Contains("    Total Capacity: 0B", empty);
        Assert.Contains("    Used Percentage: 0%", empty);
    }

    [Fact]
    public void PersistReportListsAttemptsNextAttemptAndLastError()
    {
        PendingPersistInfo[] pending =
        [
            new("/data/b", 8, 3, Now.AddSeconds(30), "Not a directory\n  (ufs)"),
            new("/data/a-longer-name", 7, 0, Now, null),
        ];

        string[] expected =
        [
            "Files waiting to be persisted: 2",
            "Path                 Attempts  Next Attempt              Last Error",
            "/data/a-longer-name  0         2024-01-02T03:04:05.000Z  -",
            "/data/b              3         2024-01-02T03:04:35.000Z  Not a directory (ufs)",
        ];
        Assert.Equal(expected, PersistReport.Lines(pending));
        Assert.Equal([PersistReport.Empty], PersistReport.Lines([]));
    }
}
