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
}
