using Alluxio.Grains.Exceptions;
using Alluxio.Grains.FileSystem;
using Alluxio.Testing;
using Xunit;

namespace Alluxio.Grains.Tests;

/// <summary>Racing mutations: exactly one winner, no lost update, no broken tree.</summary>
public sealed class ConcurrencyTests : MasterTest
{
    private static readonly SyncOptions Never = new(LoadMetadataType.Never);

    private Alluxio.Metastore.Metastore Store => Service<Alluxio.Metastore.Metastore>();

    private static async Task<Exception?> Attempt(Func<Task> action)
    {
        try
        {
            await action();
            return null;
        }
        catch (AlluxioException e)
        {
            return e;
        }
    }

    [Fact]
    public async Task Concurrent_creates_of_one_path_have_exactly_one_winner()
    {
        var results = await Task.WhenAll(Enumerable.Range(0, 40).Select(i => Attempt(() => i % 2 == 0
            ? Fs.CreateFile("/race", new CreateFileOptions(), Super)
            : Fs.CreateDirectory("/race", new CreateDirectoryOptions(), Super)))).Within("40 racing creates");
        Assert.Single(results, r => r is null);
        Assert.All(results.Where(r => r is not null), r => Assert.IsType<FileAlreadyExistsException>(r));
        Assert.Empty(Store.CheckConsistency());
    }

    [Fact]
    public async Task Crossing_renames_never_make_a_cycle()
    {
        for (var round = 0; round < 20; round++)
        {
            await Fs.CreateDirectory($"/x{round}/a", new CreateDirectoryOptions(Recursive: true, WriteType: WriteType.MustCache), Super);
            await Fs.CreateDirectory($"/x{round}/b", new CreateDirectoryOptions(WriteType: WriteType.MustCache), Super);
            var results = await Task.WhenAll(
                Attempt(() => Fs.Rename($"/x{round}/a", $"/x{round}/b/a", new RenameOptions(), Super)),
                Attempt(() => Fs.Rename($"/x{round}/b", $"/x{round}/a/b", new RenameOptions(), Super)));
            Assert.Single(results, r => r is null);
        }

        Assert.Empty(Store.CheckConsistency());
        // 20 rounds x (/xN, /xN/a, /xN/b): renames move them, never lose or duplicate one.
        Assert.Equal(60, (await ListAsync("/", recursive: true, sync: Never)).Count);
    }

    [Fact]
    public async Task Creates_racing_a_recursive_delete_leave_a_consistent_tree()
    {
        await Fs.CreateDirectory("/doomed/sub", new CreateDirectoryOptions(Recursive: true, WriteType: WriteType.MustCache), Super);
        var creates = Enumerable.Range(0, 200).Select(i => Attempt(() =>
            Fs.CreateFile($"/doomed/sub/f{i}", new CreateFileOptions(WriteType: WriteType.MustCache), Super))).ToList();
        var delete = Attempt(() => Fs.Delete("/doomed", new DeleteOptions(Recursive: true), Super));
        await Task.WhenAll(creates.Append(delete)).Within("creates racing a recursive delete");
        Assert.Null(await delete);
        Assert.All(await Task.WhenAll(creates), r => Assert.True(r is null or FileDoesNotExistException, r?.ToString()));
        Assert.False(await Fs.Exists("/doomed", Never, Super));
        Assert.Empty(Store.CheckConsistency());
    }

    [Fact]
    public async Task Many_writers_in_one_directory_share_group_commits_and_all_land()
    {
        await Fs.CreateDirectory("/busy", new CreateDirectoryOptions(WriteType: WriteType.MustCache), Super);
        var before = Store.JournalLastSequence;
        await Task.WhenAll(Enumerable.Range(0, 500).Select(i =>
            Fs.CreateFile($"/busy/f{i}", new CreateFileOptions(WriteType: WriteType.MustCache), Super))).Within("500 concurrent creates");
        Assert.Equal(500, (await ListAsync("/busy", sync: Never)).Count);
        Assert.Equal(before + 500, Store.JournalLastSequence);
        Assert.Empty(Store.CheckConsistency());
    }
}
