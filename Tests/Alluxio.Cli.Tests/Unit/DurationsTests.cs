using Alluxio.Cli.Formatting;
using Xunit;

namespace Alluxio.Cli.Tests.Unit;

public sealed class DurationsTests
{
    [Theory]
    [InlineData("10000", 10_000L)]
    [InlineData("0", 0L)]
    [InlineData("250ms", 250L)]
    [InlineData("10s", 10_000L)]
    [InlineData("10sec", 10_000L)]
    [InlineData("5m", 300_000L)]
    [InlineData("5min", 300_000L)]
    [InlineData("2h", 7_200_000L)]
    [InlineData("2 hours", 7_200_000L)]
    [InlineData("1d", 86_400_000L)]
    [InlineData("1.5s", 1_500L)]
    [InlineData("3DAY", 259_200_000L)]
    public void DurationsParseToMilliseconds(string text, long expected)
    {
        Assert.True(Durations.TryParseMilliseconds(text, out var ms), text);
        Assert.Equal(expected, ms);
    }

    [Theory]
    [InlineData("")]
    [InlineData("soon")]
    [InlineData("-5s")]
    [InlineData("5w")]
    [InlineData("s")]
    [InlineData(null)]
    public void MalformedDurationsAreRejected(string? text) => Assert.False(Durations.TryParseMilliseconds(text, out _));
}
