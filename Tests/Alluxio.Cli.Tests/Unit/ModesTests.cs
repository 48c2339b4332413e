using Alluxio.Cli.Formatting;
using Xunit;

namespace Alluxio.Cli.Tests.Unit;

public sealed class ModesTests
{
    [Theory]
    [InlineData(0x1ED, true, "drwxr-xr-x")]
    [InlineData(0x1A4, false, "-rw-r--r--")]
    [InlineData(0, false, "----------")]
    [InlineData(0x1FF, false, "-rwxrwxrwx")]
    [InlineData(0x1C0, false, "-rwx------")]
    [InlineData(0x3FF, true, "drwxrwxrwt")]
    [InlineData(0x3FE, true, "drwxrwxrwT")]
    [InlineData(0x9ED, false, "-rwsr-xr-x")]
    [InlineData(0x5E5, false, "-rwxr-Sr-x")]
    public void PermissionStringShowsTypeAndBits(int mode, bool folder, string expected) =>
        Assert.Equal(expected, Modes.ToPermissionString(mode, folder));

    [Theory]
    [InlineData("755", 493)]
    [InlineData("0644", 420)]
    [InlineData("1777", 1023)]
    [InlineData("7", 7)]
    [InlineData("000", 0)]
    public void ParsesOctalModes(string text, int expected)
    {
        Assert.True(Modes.TryParseOctal(text, out var mode));
        Assert.Equal(expected, mode);
    }

    [Theory]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("8")]
    [InlineData("75a")]
    [InlineData("77777")]
    [InlineData("-1")]
    [InlineData("u+x")]
    public void RejectsWhatIsNotAnOctalMode(string? text) => Assert.False(Modes.TryParseOctal(text, out _));

    [Theory]
    [InlineData(493, "755")]
    [InlineData(420, "644")]
    [InlineData(7, "007")]
    [InlineData(1023, "1777")]
    public void FormatsOctal(int mode, string expected) => Assert.Equal(expected, Modes.ToOctal(mode));
}
