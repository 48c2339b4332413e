using Alluxio.Cli.Formatting;
using Xunit;

namespace Alluxio.Cli.Tests.Unit;

public sealed class SizesTests
{
    [Theory]
    [InlineData(0L, "0B")]
    [InlineData(1L, "1B")]
    [InlineData(5120L, "5120B")]
    [InlineData(5121L, "5.00KB")]
    [InlineData(10240L, "10.00KB")]
    [InlineData(1572864L, "1536.00KB")]
    [InlineData(5242881L, "5.00MB")]
    [InlineData(10737418240L, "10.00GB")]
    [InlineData(6597069766656L, "6.00TB")]
    [InlineData(long.MaxValue, "8192.00PB")]
    public void HumanSizesFollowAlluxio(long bytes, string expected) => Assert.Equal(expected, Sizes.Human(bytes));

    [Fact]
    public void PlainSizesAreTheNumber() => Assert.Equal("123456789", Sizes.Format(123456789, human: false));

    [Theory]
    [InlineData("0", 0L)]
    [InlineData("100", 100L)]
    [InlineData("100B", 100L)]
    [InlineData("1KB", 1024L)]
    [InlineData("1k", 1024L)]
    [InlineData("4 kb", 4096L)]
    [InlineData("64MB", 64L << 20)]
    [InlineData("1.5GB", 3L << 29)]
    [InlineData("2TB", 2L << 40)]
    [InlineData("1PB", 1L << 50)]
    [InlineData(" 8m ", 8L << 20)]
    public void SizesParseAsAlluxio(string text, long expected)
    {
        Assert.True(Sizes.TryParse(text, out var bytes), text);
        Assert.Equal(expected, bytes);
    }

    [Theory]
    [InlineData("")]
    [InlineData("KB")]
    [InlineData("-1")]
    [InlineData("1XB")]
    [InlineData("1.2.3MB")]
    [InlineData("lots")]
    [InlineData("99999999PB")]
    [InlineData(null)]
    public void MalformedSizesAreRejected(string? text) => Assert.False(Sizes.TryParse(text, out _));
}
