using System.Globalization;
using Alluxio.Cli.Formatting;
using Alluxio.Grains.FileSystem;
using Xunit;

namespace Alluxio.Cli.Tests.Unit;

public sealed class StatFormatterTests
{
    [Fact]
    public void ExpandsEverySpecifierForAFile()
    {
        var text = StatFormatter.Format("%N|%z|%u|%g|%y|%Y|%b", StatusSamples.File());
        Assert.Equal($"f|1234|alice|staff|2024-01-02 03:04:05|{StatusSamples.Modified.ToString(CultureInfo.InvariantCulture)}|2", text);
    }

    [Fact]
    public void SizeAndBlocksAreNotApplicableToDirectories() =>
        Assert.Equal("data NA NA", StatFormatter.Format("%N %z %b", StatusSamples.Directory()));

    [Theory]
    [InlineData("plain text", "plain text")]
    [InlineData("%q%", "%q%")]
    [InlineData("100%%z", "100%1234")]
    [InlineData("size=%z bytes", "size=1234 bytes")]
    public void CopiesOtherTextAsIs(string format, string expected) =>
        Assert.Equal(expected, StatFormatter.Format(format, StatusSamples.File()));

    [Fact]
    public void DescribesAFileWithItsBlocks()
    {
        var lines = StatFormatter.Describe(StatusSamples.File()).ToList();
        Assert.Equal("/data/f is a file path.", lines[0]);
        Assert.StartsWith("FileInfo{fileId=42, name=f, path=/data/f, ufsPath=file:///ufs/data/f, length=1234, ", lines[1], StringComparison.Ordinal);
        Assert.Contains(", folder=false, ", lines[1], StringComparison.Ordinal);
        Assert.Contains(", blockIds=[7, 8], ", lines[1], StringComparison.Ordinal);
        Assert.Contains(", owner=alice, group=staff, mode=420, persistenceState=PERSISTED, ", lines[1], StringComparison.Ordinal);
        Assert.Contains(", ttl=-1, ttlAction=FREE, ", lines[1], StringComparison.Ordinal);
        Assert.EndsWith("}", lines[1], StringComparison.Ordinal);
        Assert.Equal(["Containing the following blocks: ", "BlockId: 7", "BlockId: 8"], lines[2..]);
    }

    [Fact]
    public void DescribesADirectoryWithoutBlocks()
    {
        var lines = StatFormatter.Describe(StatusSamples.Directory()).ToList();
        Assert.Equal(2, lines.Count);
        Assert.Equal("/data is a directory path.", lines[0]);
        Assert.Contains(", folder=true, ", lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public void ShowsTheLastPersistError()
    {
        var failing = StatusSamples.File() with { PersistenceState = PersistenceState.ToBePersisted, PersistError = "the UFS is down" };

        var lines = StatFormatter.Describe(failing).ToList();

        Assert.Contains(", persistenceState=TO_BE_PERSISTED, ", lines[1], StringComparison.Ordinal);
        Assert.Equal("Persist error: the UFS is down", lines[2]);
        Assert.DoesNotContain(StatFormatter.Describe(StatusSamples.File()), l => l.StartsWith("Persist error", StringComparison.Ordinal));
    }
}
