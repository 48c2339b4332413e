using Alluxio.Ufs;
using Xunit;

namespace Alluxio.Testing.Ufs;

// Directory creation, atomic file writes, reads.
public abstract partial class UnderFileSystemContractTests
{
    [Fact]
    public async Task Create_directory_is_idempotent()
    {
        Assert.True(await Ufs.CreateDirectoryAsync("d"));
        Assert.False(await Ufs.CreateDirectoryAsync("d"));
        Assert.False(await Ufs.CreateDirectoryAsync("d", new UfsCreateDirectoryOptions { Recursive = true }));
        Assert.False(await Ufs.CreateDirectoryAsync(""));
        Assert.True((await Ufs.GetStatusAsync("d"))!.IsDirectory);
    }

    [Fact]
    public async Task Recursive_create_directory_creates_missing_ancestors()
    {
        Assert.True(await Ufs.CreateDirectoryAsync("a/b/c", new UfsCreateDirectoryOptions { Recursive = true }));
        Assert.True((await Ufs.GetStatusAsync("a"))!.IsDirectory);
        Assert.True((await Ufs.GetStatusAsync("a/b"))!.IsDirectory);
        Assert.True((await Ufs.GetStatusAsync("a/b/c"))!.IsDirectory);
    }

    [Fact]
    public async Task Non_recursive_create_directory_needs_the_parent()
    {
        await Assert.ThrowsAsync<UfsNotFoundException>(() => Ufs.CreateDirectoryAsync("a/b"));
        await AssertAbsentAsync("a");
    }

    [Fact]
    public async Task Create_directory_over_a_file_throws_already_exists()
    {
        await WriteFileAsync("f", "x");
        await Assert.ThrowsAsync<UfsAlreadyExistsException>(() => Ufs.CreateDirectoryAsync("f"));
        await Assert.ThrowsAsync<UfsAlreadyExistsException>(() =>
            Ufs.CreateDirectoryAsync("f", new UfsCreateDirectoryOptions { Recursive = true }));
        Assert.Equal("x", await ReadTextAsync("f"));
    }

    [Fact]
    public async Task Create_directory_below_a_file_throws_not_a_directory()
    {
        await WriteFileAsync("f", "x");
        await Assert.ThrowsAsync<UfsNotADirectoryException>(() => Ufs.CreateDirectoryAsync("f/d"));
        await Assert.ThrowsAsync<UfsNotADirectoryException>(() =>
            Ufs.CreateDirectoryAsync("f/d/e", new UfsCreateDirectoryOptions { Recursive = true }));
    }

    [Fact]
    public async Task A_file_is_invisible_until_committed_then_complete()
    {
        await MakeDirectoryAsync("d");
        await using var output = await Ufs.CreateFileAsync("d/f.txt");
        await output.WriteAsync(Bytes("hello "));
        output.Write(Bytes("world"));
        await output.FlushAsync();

        await AssertAbsentAsync("d/f.txt");
        Assert.Empty(await ListAllAsync("d"));
        Assert.Equal(11, output.Position);

        await output.CommitAsync();

        Assert.Equal(UfsOutputState.Committed, output.State);
        Assert.Equal("hello world", await ReadTextAsync("d/f.txt"));
        Assert.Equal(["f.txt"], await ListNamesAsync("d"));
        Assert.Equal(11, (await Ufs.GetStatusAsync("d/f.txt"))!.Length);
    }

    [Fact]
    public async Task An_aborted_write_leaves_nothing()
    {
        await MakeDirectoryAsync("d");
        var output = await Ufs.CreateFileAsync("d/f.txt");
        await output.WriteAsync(Bytes("partial"));
        output.Abort();
        output.Abort();

        Assert.Equal(UfsOutputState.Aborted, output.State);
        await Assert.ThrowsAsync<InvalidOperationException>(() => output.CommitAsync());
        await Assert.ThrowsAsync<InvalidOperationException>(async () => await output.WriteAsync(Bytes("more")));
        await output.DisposeAsync();
        await AssertAbsentAsync("d/f.txt");
        Assert.Empty(await ListAllAsync("d"));
    }

    [Fact]
    public async Task An_exception_while_writing_leaves_no_partial_file()
    {
        await MakeDirectoryAsync("d");
        await Assert.ThrowsAsync<InvalidDataException>(async () =>
        {
            await using var output = await Ufs.CreateFileAsync("d/f.txt");
            await output.WriteAsync(new byte[100_000]);
            throw new InvalidDataException("the producer failed half-way");
        });

        using (var output = await Ufs.CreateFileAsync("d/g.txt"))
        {
            output.Write(Bytes("disposed synchronously without commit"));
        }

        await AssertAbsentAsync("d/f.txt");
        await AssertAbsentAsync("d/g.txt");
        Assert.Empty(await ListAllAsync("d"));
    }

    [Fact]
    public async Task Committing_twice_is_a_no_op_and_writing_after_commit_fails()
    {
        await using var output = await Ufs.CreateFileAsync("f.txt");
        await output.WriteAsync(Bytes("once"));
        await output.CommitAsync();
        await output.CommitAsync();
        Assert.Throws<InvalidOperationException>(() => output.Write(Bytes("again")));
        output.Abort(); // no-op after commit
        Assert.Equal("once", await ReadTextAsync("f.txt"));
    }

    [Fact]
    public async Task An_empty_file_can_be_committed()
    {
        await using (var output = await Ufs.CreateFileAsync("empty"))
        {
            await output.CommitAsync();
        }

        var status = await Ufs.GetStatusAsync("empty");
        Assert.NotNull(status);
        Assert.False(status.IsDirectory);
        Assert.Equal(0, status.Length);
        Assert.Empty(await ReadFileAsync("empty"));
    }

    [Fact]
    public async Task Create_without_overwrite_refuses_an_existing_file()
    {
        await WriteFileAsync("f.txt", "original");
        await Assert.ThrowsAsync<UfsAlreadyExistsException>(() => Ufs.CreateFileAsync("f.txt"));
        Assert.Equal("original", await ReadTextAsync("f.txt"));
    }

    [Fact]
    public async Task Overwrite_replaces_the_file_atomically_at_commit()
    {
        await WriteFileAsync("f.txt", "old content");
        await using var output = await Ufs.CreateFileAsync("f.txt", new UfsCreateFileOptions { Overwrite = true });
        await output.WriteAsync(Bytes("new"));

        Assert.Equal("old content", await ReadTextAsync("f.txt"));
        await output.CommitAsync();
        Assert.Equal("new", await ReadTextAsync("f.txt"));
        Assert.Equal(["f.txt"], await ListNamesAsync(""));
    }

    [Fact]
    public async Task Of_two_writers_without_overwrite_the_second_commit_fails()
    {
        await using var first = await Ufs.CreateFileAsync("f.txt");
        await using var second = await Ufs.CreateFileAsync("f.txt");
        await first.WriteAsync(Bytes("first"));
        await second.WriteAsync(Bytes("second"));

        await first.CommitAsync();
        await Assert.ThrowsAsync<UfsAlreadyExistsException>(() => second.CommitAsync());

        Assert.Equal(UfsOutputState.Aborted, second.State);
        Assert.Equal("first", await ReadTextAsync("f.txt"));
        Assert.Equal(["f.txt"], await ListNamesAsync(""));
    }

    [Fact]
    public async Task A_file_never_replaces_a_directory()
    {
        await MakeDirectoryAsync("d");
        await Assert.ThrowsAsync<UfsAlreadyExistsException>(() => Ufs.CreateFileAsync("d"));
        await Assert.ThrowsAsync<UfsAlreadyExistsException>(() =>
            Ufs.CreateFileAsync("d", new UfsCreateFileOptions { Overwrite = true }));
        await Assert.ThrowsAsync<UfsAlreadyExistsException>(() => Ufs.CreateFileAsync(""));
        Assert.True((await Ufs.GetStatusAsync("d"))!.IsDirectory);
    }

    [Fact]
    public async Task Create_file_needs_the_parent_unless_asked_to_create_it()
    {
        await Assert.ThrowsAsync<UfsNotFoundException>(() => Ufs.CreateFileAsync("a/b/f.txt"));
        await AssertAbsentAsync("a");

        await WriteFileAsync("a/b/f.txt", "x", new UfsCreateFileOptions { CreateParents = true });
        Assert.True((await Ufs.GetStatusAsync("a/b"))!.IsDirectory);
        Assert.Equal("x", await ReadTextAsync("a/b/f.txt"));
    }

    [Fact]
    public async Task Create_file_below_a_file_throws_not_a_directory()
    {
        await WriteFileAsync("f", "x");
        await Assert.ThrowsAsync<UfsNotADirectoryException>(() => Ufs.CreateFileAsync("f/g"));
        await Assert.ThrowsAsync<UfsNotADirectoryException>(() =>
            Ufs.CreateFileAsync("f/g/h", new UfsCreateFileOptions { CreateParents = true }));
    }

    [Fact]
    public async Task Open_reads_from_the_offset()
    {
        await WriteFileAsync("digits", "0123456789");
        Assert.Equal("0123456789", await ReadTextAsync("digits"));
        Assert.Equal(Bytes("456789"), await ReadFileAsync("digits", 4));
        Assert.Empty(await ReadFileAsync("digits", 10));
        Assert.Empty(await ReadFileAsync("digits", 1000));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Ufs.OpenAsync("digits", -1));
    }

    [Fact]
    public async Task A_large_file_round_trips_in_uneven_chunks()
    {
        var content = new byte[(3 << 20) + 17];
        new Random(42).NextBytes(content);
        await using (var output = await Ufs.CreateFileAsync("large.bin"))
        {
            for (int offset = 0, chunk = 1; offset < content.Length; offset += chunk, chunk = chunk * 3 % 200_003 + 1)
            {
                await output.WriteAsync(content.AsMemory(offset, Math.Min(chunk, content.Length - offset)));
            }

            await output.CommitAsync();
        }

        Assert.Equal(content.Length, (await Ufs.GetStatusAsync("large.bin"))!.Length);
        Assert.Equal(content, await ReadFileAsync("large.bin"));
        Assert.Equal(content.AsSpan(1_000_003).ToArray(), await ReadFileAsync("large.bin", 1_000_003));
    }

    [Fact]
    public async Task Appended_file_ranges_land_between_writes_in_order()
    {
        var source = Path.Combine(Path.GetTempPath(), $"ufs-append-{Guid.NewGuid():N}");
        var content = new byte[(5 << 20) + 3];
        new Random(11).NextBytes(content);
        await File.WriteAllBytesAsync(source, content);
        try
        {
            using var handle = File.OpenHandle(source);
            await using (var output = await Ufs.CreateFileAsync("appended.bin"))
            {
                await output.WriteAsync(Bytes("head"));
                Assert.Equal((4 << 20) + 1, await output.AppendFileAsync(handle, 7, (4 << 20) + 1));
                await output.WriteAsync(Bytes("mid"));
                Assert.Equal(content.Length - (1 << 20), await output.AppendFileAsync(handle, 1 << 20, 1L << 40)); // to the source's end
                Assert.Equal(0, await output.AppendFileAsync(handle, content.Length, 10)); // past the end: nothing
                Assert.Equal(4 + (4 << 20) + 1 + 3 + content.Length - (1 << 20), output.Position);
                await output.CommitAsync();
            }

            byte[] expected = [.. Bytes("head"), .. content.AsSpan(7, (4 << 20) + 1), .. Bytes("mid"), .. content.AsSpan(1 << 20)];
            Assert.Equal(expected, await ReadFileAsync("appended.bin"));
        }
        finally
        {
            File.Delete(source);
        }
    }

    [Fact]
    public async Task An_aborted_append_leaves_nothing()
    {
        var source = Path.Combine(Path.GetTempPath(), $"ufs-append-{Guid.NewGuid():N}");
        await File.WriteAllBytesAsync(source, new byte[4096]);
        try
        {
            using var handle = File.OpenHandle(source);
            await using (var output = await Ufs.CreateFileAsync("aborted.bin"))
            {
                await output.AppendFileAsync(handle, 0, 4096);
                output.Abort();
                await Assert.ThrowsAsync<InvalidOperationException>(async () => await output.AppendFileAsync(handle, 0, 1));
            }

            Assert.Null(await Ufs.GetStatusAsync("aborted.bin"));
        }
        finally
        {
            File.Delete(source);
        }
    }

    [Fact]
    public async Task Open_of_a_missing_file_or_a_directory_fails()
    {
        await MakeDirectoryAsync("d");
        await Assert.ThrowsAsync<UfsNotFoundException>(() => Ufs.OpenAsync("missing"));
        await Assert.ThrowsAsync<UfsIsADirectoryException>(() => Ufs.OpenAsync("d"));
    }

    [Fact]
    public async Task Concurrent_creates_of_different_files_all_land()
    {
        await MakeDirectoryAsync("many");
        const int count = 16;
        await Task.WhenAll(Enumerable.Range(0, count).Select(i => Task.Run(async () =>
        {
            await using var output = await Ufs.CreateFileAsync($"many/file-{i:D2}");
            for (var part = 0; part < 10; part++)
            {
                await output.WriteAsync(Bytes($"{i}:{part};"));
            }

            await output.CommitAsync();
        })));

        Assert.Equal(Enumerable.Range(0, count).Select(i => $"file-{i:D2}"), await ListNamesAsync("many"));
        for (var i = 0; i < count; i++)
        {
            Assert.Equal(string.Concat(Enumerable.Range(0, 10).Select(part => $"{i}:{part};")), await ReadTextAsync($"many/file-{i:D2}"));
        }
    }
}
