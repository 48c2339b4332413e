using Alluxio.Cli.Formatting;
using Alluxio.Grains.FileSystem;
using Alluxio.Client;
using Xunit;

namespace Alluxio.Cli.Tests.Unit;

public sealed class AdminFormatterTests
{
    [Theory]
    [InlineData("master-1:19998", "master-1")]
    [InlineData("master-1", "master-1")]
    [InlineData("[::1]:19998", "::1")]
    [InlineData("10.0.0.5:19998", "10.0.0.5")]
    public void LeaderIsTheHostWithoutThePort(string address, string host) => Assert.Equal(host, AdminFormatter.LeaderHost(address));

    [Fact]
    public void MasterInfoStartsWithAlluxiosLines()
    {
        var info = new MasterInformation("m1:19998", ["m1:19998", "m2:19998"], 19998, 19999, StatusSamples.Modified, 90_061_000, "1.2.3", "c");
        Assert.Equal(
        [
            "Current leader master: m1:19998",
            "All masters: [m1:19998, m2:19998]",
            "RPC port: 19998",
            "Web port: 19999",
            "Started: 2024-01-02T03:04:05.678Z",
            "Uptime: 1d 1h 1m 1s",
            "Version: 1.2.3",
            "Cluster id: c",
        ], AdminFormatter.MasterInfo(info));
    }

    [Fact]
    public void BackupPrintsHostUriAndSequence() =>
        Assert.Equal(
            ["Backup Host        : m1", "Backup URI         : /b/alluxio-backup.tar.gz", "Backup Sequence    : 17"],
            AdminFormatter.Backup("m1", "/b/alluxio-backup.tar.gz", 17));

    [Fact]
    public void JournalInfoPrintsEveryPosition() =>
        Assert.Equal(
            ["Journal directory: /j", "Last sequence: 9", "Applied sequence: 8", "Last checkpoint sequence: 5", "Entries since checkpoint: 3"],
            AdminFormatter.JournalInfo(new JournalInfo(9, 8, 5, 3, "/j")));

    [Fact]
    public void CheckpointNamesSequenceAndLocation() =>
        Assert.Equal("Successfully took a checkpoint on master m:1 at journal sequence 12: /d/checkpoints/12", AdminFormatter.Checkpoint("m:1", 12, "/d/checkpoints/12"));

    [Fact]
    public void PathConfListAndShow()
    {
        PathConfiguration[] configurations =
        [
            new("/data/2024", new Dictionary<string, string> { ["k"] = "child" }),
            new("/data", new Dictionary<string, string> { ["k"] = "parent", ["j"] = "p" }),
            new("/other", new Dictionary<string, string> { ["k"] = "other" }),
            new("/empty", new Dictionary<string, string>()),
        ];
        Assert.Equal(["/data", "/data/2024", "/other"], PathConfFormatter.List(configurations));
        Assert.Equal(["k=child"], PathConfFormatter.Show(configurations, "/data/2024", all: false));
        Assert.Equal(["j=p", "k=child"], PathConfFormatter.Show(configurations, "/data/2024/", all: true));
        Assert.Equal(["j=p", "k=parent"], PathConfFormatter.Show(configurations, "/data/2025", all: true));
        Assert.Empty(PathConfFormatter.Show(configurations, "/data/2025", all: false));
    }

    [Theory]
    [InlineData(0L, "0s")]
    [InlineData(59_999L, "59s")]
    [InlineData(3_600_000L, "1h 0m 0s")]
    public void DurationsDropLeadingZeroUnits(long ms, string expected) => Assert.Equal(expected, Timestamps.Duration(ms));
}
