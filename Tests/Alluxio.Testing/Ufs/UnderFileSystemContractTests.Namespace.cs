using Alluxio.Ufs;
using Xunit;

namespace Alluxio.Testing.Ufs;

// Delete, rename, attribute calls on absent paths.
public abstract partial class UnderFileSystemContractTests
{
    [Fact]
    public async Task Delete_file_is_idempotent()
    {
        await WriteFileAsync("f.txt", "x");
        Assert.True(await Ufs.DeleteFileAsync("f.txt"));
        await AssertAbsentAsync("f.txt");
        Assert.False(await Ufs.DeleteFileAsync("f.txt"));
        Assert.False(await Ufs.DeleteFileAsync("missing/deeper"));
    }

    [Fact]
    public async Task Delete_file_refuses_a_directory()
    {
        await MakeDirectoryAsync("d");
        await Assert.ThrowsAsync<UfsIsADirectoryException>(() => Ufs.DeleteFileAsync("d"));
        await Assert.ThrowsAsync<UfsIsADirectoryException>(() => Ufs.DeleteFileAsync(""));
        Assert.NotNull(await Ufs.GetStatusAsync("d"));
    }

    [Fact]
    public async Task Delete_directory_is_idempotent()
    {
        await MakeDirectoryAsync("d");
        Assert.True(await Ufs.DeleteDirectoryAsync("d", recursive: false));
        await AssertAbsentAsync("d");
        Assert.False(await Ufs.DeleteDirectoryAsync("d", recursive: false));
        Assert.False(await Ufs.DeleteDirectoryAsync("d", recursive: true));
    }

    [Fact]
    public async Task Non_recursive_delete_of_a_non_empty_directory_fails_and_keeps_it()
    {
        await WriteFileAsync("d/f.txt", "x");
        await Assert.ThrowsAsync<UfsDirectoryNotEmptyException>(() => Ufs.DeleteDirectoryAsync("d", recursive: false));
        Assert.Equal("x", await ReadTextAsync("d/f.txt"));
    }

    [Fact]
    public async Task Recursive_delete_removes_the_whole_subtree()
    {
        await WriteFileAsync("d/f.txt", "x");
        await WriteFileAsync("d/sub/deeper/g.txt", "y");
        await WriteFileAsync("keep.txt", "z");

        Assert.True(await Ufs.DeleteDirectoryAsync("d", recursive: true));

        await AssertAbsentAsync("d");
        await AssertAbsentAsync("d/sub/deeper/g.txt");
        Assert.Equal(["keep.txt"], await ListNamesAsync(""));
    }

    [Fact]
    public async Task Delete_directory_refuses_a_file_and_the_root()
    {
        await WriteFileAsync("f.txt", "x");
        await Assert.ThrowsAsync<UfsNotADirectoryException>(() => Ufs.DeleteDirectoryAsync("f.txt", recursive: true));
        await Assert.ThrowsAsync<UfsPathException>(() => Ufs.DeleteDirectoryAsync("", recursive: true));
        await Assert.ThrowsAsync<UfsPathException>(() => Ufs.DeleteDirectoryAsync("/", recursive: false));
        Assert.Equal("x", await ReadTextAsync("f.txt"));
    }

    [Fact]
    public async Task Rename_moves_a_file()
    {
        await WriteFileAsync("a.txt", "content");
        await MakeDirectoryAsync("d");
        Assert.True(await Ufs.RenameAsync("a.txt", "b.txt"));
        Assert.True(await Ufs.RenameAsync("b.txt", "d/c.txt"));

        await AssertAbsentAsync("a.txt");
        await AssertAbsentAsync("b.txt");
        Assert.Equal("content", await ReadTextAsync("d/c.txt"));
    }

    [Fact]
    public async Task Rename_moves_a_directory_with_its_subtree()
    {
        await WriteFileAsync("src/f.txt", "1");
        await WriteFileAsync("src/sub/g.txt", "2");
        await MakeDirectoryAsync("other");

        Assert.True(await Ufs.RenameAsync("src", "other/dst"));

        await AssertAbsentAsync("src");
        Assert.Equal("1", await ReadTextAsync("other/dst/f.txt"));
        Assert.Equal("2", await ReadTextAsync("other/dst/sub/g.txt"));
    }

    [Fact]
    public async Task Rename_refuses_an_existing_destination()
    {
        await WriteFileAsync("a.txt", "a");
        await WriteFileAsync("b.txt", "b");
        await MakeDirectoryAsync("d");

        await Assert.ThrowsAsync<UfsAlreadyExistsException>(() => Ufs.RenameAsync("a.txt", "b.txt"));
        await Assert.ThrowsAsync<UfsAlreadyExistsException>(() => Ufs.RenameAsync("a.txt", "d"));
        await Assert.ThrowsAsync<UfsAlreadyExistsException>(() => Ufs.RenameAsync("d", "a.txt"));
        await Assert.ThrowsAsync<UfsAlreadyExistsException>(() => Ufs.RenameAsync("a.txt", "a.txt"));

        Assert.Equal("a", await ReadTextAsync("a.txt"));
        Assert.Equal("b", await ReadTextAsync("b.txt"));
        Assert.True((await Ufs.GetStatusAsync("d"))!.IsDirectory);
    }

    [Fact]
    public async Task Rename_of_an_absent_source_returns_false()
    {
        Assert.False(await Ufs.RenameAsync("missing", "anything"));
        Assert.False(await Ufs.RenameAsync("missing/deeper", "anything"));
        await AssertAbsentAsync("anything");
    }

    [Fact]
    public async Task Rename_needs_the_destination_parent()
    {
        await WriteFileAsync("a.txt", "a");
        await Assert.ThrowsAsync<UfsNotFoundException>(() => Ufs.RenameAsync("a.txt", "no/such/dir/a.txt"));
        Assert.Equal("a", await ReadTextAsync("a.txt"));
    }

    [Fact]
    public async Task Rename_refuses_moving_a_directory_into_itself_and_the_root()
    {
        await MakeDirectoryAsync("d/sub");
        await Assert.ThrowsAsync<UfsPathException>(() => Ufs.RenameAsync("d", "d/sub/d"));
        await Assert.ThrowsAsync<UfsPathException>(() => Ufs.RenameAsync("", "x"));
        await Assert.ThrowsAsync<UfsPathException>(() => Ufs.RenameAsync("d", "/"));
        Assert.True((await Ufs.GetStatusAsync("d/sub"))!.IsDirectory);
    }

    [Fact]
    public async Task Attribute_changes_on_absent_paths_throw_not_found()
    {
        await Assert.ThrowsAsync<UfsNotFoundException>(() => Ufs.SetModeAsync("missing", UfsModes.DefaultFile));
        await Assert.ThrowsAsync<UfsNotFoundException>(() => Ufs.SetOwnerAsync("missing", null, null));
    }
}
