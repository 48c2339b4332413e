using Alluxio.Ufs.Local;

namespace Alluxio.Ufs.Tests;

/// <summary>Choosing a connector by URI scheme, plain paths as file URIs, validation before a mount.</summary>
public sealed class UnderFileSystemRegistryTests : IDisposable
{
    private readonly ScratchDirectory _scratch = new();
    private readonly UnderFileSystemRegistry _registry = new UnderFileSystemRegistry().Register(new LocalUnderFileSystemFactory());

    public void Dispose() => _scratch.Dispose();

    [Fact]
    public async Task A_file_uri_creates_a_local_connector_for_that_directory()
    {
        await File.WriteAllTextAsync(_scratch.InRoot("f.txt"), "x");
        await using var ufs = _registry.Create("file://" + _scratch.Root);

        var local = Assert.IsType<LocalUnderFileSystem>(ufs);
        Assert.Equal(_scratch.Root, local.RootPath);
        Assert.Equal("file", ufs.Scheme);
        Assert.Equal(1, (await ufs.GetStatusAsync("f.txt"))!.Length);
    }

    [Fact]
    public async Task A_plain_absolute_path_means_a_file_uri_even_with_special_characters()
    {
        var odd = Directory.CreateDirectory(_scratch.InRoot("a b#c%d?e 文")).FullName;
        await using var ufs = _registry.Create(odd);

        Assert.Equal(odd, Assert.IsType<LocalUnderFileSystem>(ufs).RootPath);
        Assert.Equal("file", ufs.Root.Scheme);
        await using var again = _registry.Create(ufs.Root.AbsoluteUri);
        Assert.Equal(odd, Assert.IsType<LocalUnderFileSystem>(again).RootPath);
    }

    [Theory]
    [InlineData("file:///")]
    [InlineData("file://localhost/")]
    [InlineData("file:/")]
    public async Task Every_usual_spelling_of_a_file_uri_is_accepted(string prefix)
    {
        await using var ufs = _registry.Create(prefix + _scratch.Root.TrimStart('/'));
        Assert.Equal(_scratch.Root, Assert.IsType<LocalUnderFileSystem>(ufs).RootPath);
    }

    [Fact]
    public async Task Schemes_match_without_regard_to_case()
    {
        await using var ufs = _registry.Create("FILE://" + _scratch.Root);
        Assert.IsType<LocalUnderFileSystem>(ufs);
        Assert.Equal(["file"], _registry.Schemes);
    }

    [Fact]
    public void An_unknown_scheme_names_itself_and_the_known_ones()
    {
        var e = Assert.Throws<UfsException>(() => _registry.Create("s3://bucket/prefix"));
        Assert.Contains("'s3'", e.Message, StringComparison.Ordinal);
        Assert.Contains("known schemes: file", e.Message, StringComparison.Ordinal);

        var empty = Assert.Throws<UfsException>(() => new UnderFileSystemRegistry().Create("/tmp"));
        Assert.Contains("known schemes: none", empty.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("relative/path")]
    [InlineData("bucket:prefix")]
    [InlineData(":/x")]
    [InlineData("s3:")]
    [InlineData("/tmp/x\0y")]
    public void Relative_paths_and_non_uris_are_rejected(string input)
    {
        var e = Assert.Throws<UfsPathException>(() => _registry.Create(input));
        Assert.Equal(input, e.Path);
    }

    [Fact]
    public void A_remote_host_in_a_file_uri_is_refused()
    {
        var e = Assert.Throws<UfsException>(() => _registry.Create("file://fileserver/export"));
        Assert.Contains("fileserver", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_scheme_cannot_be_registered_twice()
    {
        Assert.Throws<InvalidOperationException>(() => _registry.Register(new LocalUnderFileSystemFactory()));
        Assert.Equal(["file"], _registry.Schemes);
    }

    [Fact]
    public async Task Mount_properties_reach_the_connector_and_bad_values_are_refused()
    {
        var bad = new Dictionary<string, string> { [LocalUnderFileSystemOptions.AllowSetOwnerFailureProperty] = "maybe" };
        var e = Assert.Throws<UfsException>(() => _registry.Create(_scratch.Root, bad));
        Assert.Contains("maybe", e.Message, StringComparison.Ordinal);

        var good = new Dictionary<string, string> { [LocalUnderFileSystemOptions.AllowSetOwnerFailureProperty] = "true", ["unknown.key"] = "ignored" };
        await using var ufs = _registry.Create(_scratch.Root, good);
        Assert.IsType<LocalUnderFileSystem>(ufs);
    }

    [Fact]
    public async Task Validate_accepts_an_existing_directory_and_explains_everything_else()
    {
        var root = await _registry.ValidateAsync("file://" + _scratch.Root);
        Assert.True(root.IsDirectory);

        await Assert.ThrowsAsync<UfsNotFoundException>(() => _registry.ValidateAsync(_scratch.Host("missing")));
        await File.WriteAllTextAsync(_scratch.Host("file"), "x");
        await Assert.ThrowsAsync<UfsNotADirectoryException>(() => _registry.ValidateAsync(_scratch.Host("file")));
        await Assert.ThrowsAsync<UfsException>(() => _registry.ValidateAsync("gs://bucket"));
        Assert.False(Directory.Exists(_scratch.Host("missing")));
    }
}
