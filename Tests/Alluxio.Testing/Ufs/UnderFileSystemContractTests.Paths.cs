using Alluxio.Ufs;
using Xunit;

namespace Alluxio.Testing.Ufs;

// Path rules: escapes rejected, equivalent spellings, literal names, unicode.
public abstract partial class UnderFileSystemContractTests
{
    [Theory]
    [InlineData("..")]
    [InlineData("../x")]
    [InlineData("/../x")]
    [InlineData("./../x")]
    [InlineData("a/../../x")]
    [InlineData("a/b/../../../etc/passwd")]
    [InlineData("x\0y")]
    [InlineData("\0")]
    public async Task Escaping_or_nul_paths_are_rejected_by_every_operation(string path)
    {
        await MakeDirectoryAsync("a/b");
        await WriteFileAsync("ok.txt", "x");

        await AssertRejectedAsync(path, () => Ufs.GetStatusAsync(path));
        await AssertRejectedAsync(path, () => ListAllAsync(path));
        await AssertRejectedAsync(path, () => Ufs.CreateDirectoryAsync(path, new UfsCreateDirectoryOptions { Recursive = true }));
        await AssertRejectedAsync(path, () => Ufs.CreateFileAsync(path, new UfsCreateFileOptions { CreateParents = true, Overwrite = true }));
        await AssertRejectedAsync(path, () => Ufs.OpenAsync(path));
        await AssertRejectedAsync(path, () => Ufs.DeleteFileAsync(path));
        await AssertRejectedAsync(path, () => Ufs.DeleteDirectoryAsync(path, recursive: true));
        await AssertRejectedAsync(path, () => Ufs.RenameAsync("ok.txt", path));
        await AssertRejectedAsync(path, () => Ufs.RenameAsync(path, "elsewhere"));
        await AssertRejectedAsync(path, () => Ufs.SetModeAsync(path, UfsModes.DefaultFile));
        await AssertRejectedAsync(path, () => Ufs.SetOwnerAsync(path, null, null));
        if (Ufs.Capabilities.SupportsActiveSync)
        {
            var e = Assert.Throws<UfsPathException>(() => Ufs.Watch(path));
            Assert.Equal(path, e.Path);
        }

        Assert.Equal("x", await ReadTextAsync("ok.txt"));
        Assert.Equal(["a", "ok.txt"], await ListNamesAsync(""));
    }

    [Fact]
    public async Task Leading_slashes_and_dot_segments_name_the_same_entry()
    {
        await WriteFileAsync("a/b.txt", "x");
        foreach (var spelling in new[] { "/a/b.txt", "a//b.txt", "./a/./b.txt", "a/b.txt/", "a/../a/b.txt", "//a/b.txt" })
        {
            var status = await Ufs.GetStatusAsync(spelling);
            Assert.NotNull(status);
            Assert.Equal("a/b.txt", status.Path);
        }

        Assert.Equal("x", await ReadTextAsync("/a/../a/b.txt"));
    }

    [Fact]
    public async Task Percent_encodings_are_literal_names()
    {
        await WriteFileAsync("%2e%2e/x.txt", "literal", new UfsCreateFileOptions { CreateParents = true });
        await WriteFileAsync("a%2Fb", "not a separator");

        Assert.Equal(["%2e%2e", "a%2Fb"], await ListNamesAsync(""));
        Assert.True((await Ufs.GetStatusAsync("%2e%2e"))!.IsDirectory);
        Assert.Equal("literal", await ReadTextAsync("%2e%2e/x.txt"));
        await AssertAbsentAsync("x.txt");
        await AssertAbsentAsync("a/b");
    }

    [Fact]
    public async Task Backslash_is_an_ordinary_name_character()
    {
        await WriteFileAsync("..\\x.txt", "back");
        await WriteFileAsync("a\\b", "slash");

        Assert.Equal(["..\\x.txt", "a\\b"], await ListNamesAsync(""));
        Assert.Equal("back", await ReadTextAsync("..\\x.txt"));
        await AssertAbsentAsync("a");
    }

    [Fact]
    public async Task Unicode_and_spaces_in_names_work_everywhere()
    {
        const string dir = "dír with  spaces";
        const string file = dir + "/naïve 文件 🎉.txt";
        await WriteFileAsync(file, "ünïcödé", new UfsCreateFileOptions { CreateParents = true });

        Assert.Equal([dir], await ListNamesAsync(""));
        Assert.Equal(["naïve 文件 🎉.txt"], await ListNamesAsync(dir));
        var status = await Ufs.GetStatusAsync(file);
        Assert.Equal("naïve 文件 🎉.txt", status!.Name);
        Assert.Equal("ünïcödé", await ReadTextAsync(file));

        Assert.True(await Ufs.RenameAsync(file, dir + "/목록 ✓"));
        Assert.Equal("ünïcödé", await ReadTextAsync(dir + "/목록 ✓"));
        Assert.True(await Ufs.DeleteFileAsync(dir + "/목록 ✓"));
        Assert.True(await Ufs.DeleteDirectoryAsync(dir, recursive: false));
        Assert.Empty(await ListAllAsync(""));
    }

    private static async Task AssertRejectedAsync(string path, Func<Task> call)
    {
        var e = await Assert.ThrowsAsync<UfsPathException>(call);
        Assert.Equal(path, e.Path);
        Assert.IsAssignableFrom<ArgumentException>(e);
    }
}
