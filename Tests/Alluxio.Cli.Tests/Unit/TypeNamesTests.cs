using Alluxio.Cli.Formatting;
using Alluxio.Grains.FileSystem;
using Xunit;

namespace Alluxio.Cli.Tests.Unit;

public sealed class TypeNamesTests
{
    [Theory]
    [InlineData("MUST_CACHE", WriteType.MustCache)]
    [InlineData("cache_through", WriteType.CacheThrough)]
    [InlineData("Through", WriteType.Through)]
    [InlineData("ASYNC_THROUGH", WriteType.AsyncThrough)]
    public void WriteTypesUseAlluxiosNamesCaseInsensitively(string text, WriteType expected)
    {
        Assert.True(TypeNames.TryParseWriteType(text, out var value));
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("NO_CACHE", ReadType.NoCache)]
    [InlineData("cache", ReadType.Cache)]
    [InlineData("Cache_Promote", ReadType.CachePromote)]
    public void ReadTypesUseAlluxiosNamesCaseInsensitively(string text, ReadType expected)
    {
        Assert.True(TypeNames.TryParseReadType(text, out var value));
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("FREE", TtlAction.Free)]
    [InlineData("delete_alluxio", TtlAction.DeleteAlluxio)]
    [InlineData("Delete", TtlAction.Delete)]
    public void TtlActionsRoundTrip(string text, TtlAction expected)
    {
        Assert.True(TypeNames.TryParseTtlAction(text, out var value));
        Assert.Equal(expected, value);
        Assert.Equal(text.ToUpperInvariant(), TypeNames.Name(value));
    }

    [Fact]
    public void UnknownAndDefaultNamesAreRejected()
    {
        Assert.False(TypeNames.TryParseWriteType("TRY_CACHE", out _));
        Assert.False(TypeNames.TryParseWriteType("Default", out _));
        Assert.False(TypeNames.TryParseReadType("MUST_CACHE", out _));
        Assert.False(TypeNames.TryParseTtlAction(null, out _));
        Assert.Equal("NO_CACHE, CACHE or CACHE_PROMOTE", TypeNames.ReadTypeChoices);
    }
}
