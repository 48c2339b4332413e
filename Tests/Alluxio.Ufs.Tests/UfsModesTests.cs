namespace Alluxio.Ufs.Tests;

public sealed class UfsModesTests
{
    [Theory]
    [InlineData("644", 0x1A4)]
    [InlineData("0755", 0x1ED)]
    [InlineData("7777", 0xFFF)]
    [InlineData("0", 0)]
    public void Octal_strings_round_trip(string octal, int mode)
    {
        Assert.Equal(mode, UfsModes.ParseOctal(octal));
        Assert.Equal(mode, UfsModes.ParseOctal(UfsModes.ToOctal(mode)));
        Assert.Equal(4, UfsModes.ToOctal(mode).Length);
    }

    [Theory]
    [InlineData("")]
    [InlineData("8")]
    [InlineData("rwx")]
    [InlineData("17777")]
    [InlineData("-1")]
    public void Invalid_octal_strings_are_rejected(string octal) =>
        Assert.Throws<FormatException>(() => UfsModes.ParseOctal(octal));

    [Fact]
    public void Validate_accepts_permission_bits_only()
    {
        UfsModes.Validate(0xFFF);
        UfsModes.Validate(0);
        Assert.Throws<ArgumentOutOfRangeException>(() => UfsModes.Validate(0x1000));
        Assert.Throws<ArgumentOutOfRangeException>(() => UfsModes.Validate(-1));
    }
}
