using Alluxio.Cli.Formatting;
using Xunit;

namespace Alluxio.Cli.Tests.Unit;

public sealed class UsageFormatterTests
{
    [Fact]
    public void CountTableHasAlluxiosColumns()
    {
        Assert.Equal("File Count               Folder Count             Folder Size", UsageFormatter.CountHeader());
        Assert.Equal("3                        2                        10240", UsageFormatter.CountLine(3, 2, 10240, human: false));
        Assert.Equal("3                        2                        10.00KB", UsageFormatter.CountLine(3, 2, 10240, human: true));
    }

    [Fact]
    public void DuTableHasAlluxiosColumns()
    {
        Assert.Equal("File Size     In Alluxio       Path", UsageFormatter.DuHeader());
        Assert.Equal("2048          1024 (50%)       /a", UsageFormatter.DuLine(2048, 1024, "/a", human: false));
        Assert.Equal("0             0 (0%)           /empty", UsageFormatter.DuLine(0, 0, "/empty", human: false));
        Assert.Equal("10.00KB       0B (0%)          /k", UsageFormatter.DuLine(10240, 0, "/k", human: true));
    }

    [Theory]
    [InlineData(200L, 50, 100L)]
    [InlineData(3L, 33, 0L)]
    [InlineData(1000L, 100, 1000L)]
    public void InAlluxioBytesFollowThePercentage(long length, int percentage, long expected) =>
        Assert.Equal(expected, UsageFormatter.InAlluxioBytes(length, percentage));
}
