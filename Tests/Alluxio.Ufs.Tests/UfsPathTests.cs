namespace Alluxio.Ufs.Tests;

public sealed class UfsPathTests
{
    [Theory]
    [InlineData("", "")]
    [InlineData("/", "")]
    [InlineData("//./", "")]
    [InlineData("a", "a")]
    [InlineData("/a/b/", "a/b")]
    [InlineData("a//b/./c", "a/b/c")]
    [InlineData("a/b/../c", "a/c")]
    [InlineData("a/..", "")]
    [InlineData("..a/b..", "..a/b..")]
    [InlineData("...", "...")]
    [InlineData("%2e%2e/x", "%2e%2e/x")]
    [InlineData("..\\x", "..\\x")]
    [InlineData("C:/x", "C:/x")]
    [InlineData("~/x", "~/x")]
    [InlineData("file:///etc", "file:/etc")]
    public void Normalize_gives_the_canonical_relative_form(string input, string expected)
    {
        Assert.Equal(expected, UfsPath.Normalize(input));
        Assert.True(UfsPath.TryNormalize(input, out var normal));
        Assert.Equal(expected, normal);
    }

    [Theory]
    [InlineData("..")]
    [InlineData("../a")]
    [InlineData("a/../..")]
    [InlineData("/a/b/../../../c")]
    [InlineData("a\0b")]
    public void Normalize_rejects_escapes_and_nul(string input)
    {
        var e = Assert.Throws<UfsPathException>(() => UfsPath.Normalize(input));
        Assert.Equal(input, e.Path);
        Assert.Equal("path", e.ParamName);
        Assert.DoesNotContain("\0", e.Message, StringComparison.Ordinal);
        Assert.False(UfsPath.TryNormalize(input, out _));
    }

    [Fact]
    public void Combine_parent_and_name_work_on_normal_forms()
    {
        Assert.Equal("a/b/c", UfsPath.Combine("/a/", "b/c"));
        Assert.Equal("x", UfsPath.Combine("a", "../x"));
        Assert.Throws<UfsPathException>(() => UfsPath.Combine("a", "../../x"));

        Assert.Null(UfsPath.GetParent(""));
        Assert.Equal("", UfsPath.GetParent("a"));
        Assert.Equal("a/b", UfsPath.GetParent("/a/b/c/"));
        Assert.Equal("", UfsPath.GetName("/"));
        Assert.Equal("c", UfsPath.GetName("a/b/c"));
        Assert.Equal(["a", "b"], UfsPath.GetSegments("/a//b"));
        Assert.Empty(UfsPath.GetSegments(""));
    }

    [Theory]
    [InlineData("", "a", true)]
    [InlineData("", "", false)]
    [InlineData("a", "a/b", true)]
    [InlineData("a", "a/b/c", true)]
    [InlineData("a", "a", false)]
    [InlineData("a", "ab", false)]
    [InlineData("a/b", "a", false)]
    [InlineData("/a/", "a/b", true)]
    public void IsAncestor_is_strict_and_segment_wise(string ancestor, string path, bool expected) =>
        Assert.Equal(expected, UfsPath.IsAncestor(ancestor, path));
}
