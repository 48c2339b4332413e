using Alluxio.Testing;
using Alluxio.Testing.Time;
using Alluxio.Ufs.Local;

namespace Alluxio.Ufs.Tests;

/// <summary>Active sync on a local mount: inotify changes as mount-relative, batched, temp-free notifications.</summary>
public sealed class LocalWatcherTests : IAsyncLifetime
{
    private static readonly TimeSpan s_window = TimeSpan.FromMilliseconds(100);
    private readonly ScratchDirectory _scratch = new();
    private LocalUnderFileSystem _ufs = null!;

    public Task InitializeAsync()
    {
        _ufs = new LocalUnderFileSystem(_scratch.Root);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _ufs.DisposeAsync();
        _scratch.Dispose();
    }

    [Fact]
    public async Task Creation_modification_deletion_and_rename_are_reported()
    {
        Directory.CreateDirectory(_scratch.InRoot("sub"));
        foreach (var name in new[] { "existing.txt", "doomed.txt", "old-name.txt" })
        {
            await File.WriteAllTextAsync(_scratch.InRoot(name), name);
        }

        await using var watcher = _ufs.Watch("")!;

        await File.WriteAllTextAsync(_scratch.InRoot("new.txt"), "new");
        await WaitForAsync(watcher, c => c is { Kind: UfsChangeKind.Created, Path: "new.txt" }, "Created new.txt");

        await File.AppendAllTextAsync(_scratch.InRoot("existing.txt"), " and more");
        await WaitForAsync(watcher, c => c is { Kind: UfsChangeKind.Changed, Path: "existing.txt" }, "Changed existing.txt");

        File.Delete(_scratch.InRoot("doomed.txt"));
        await WaitForAsync(watcher, c => c is { Kind: UfsChangeKind.Deleted, Path: "doomed.txt" }, "Deleted doomed.txt");

        File.Move(_scratch.InRoot("old-name.txt"), _scratch.InRoot("new-name.txt"));
        await WaitForAsync(
            watcher, c => c is { Kind: UfsChangeKind.Renamed, Path: "new-name.txt", OldPath: "old-name.txt" }, "Renamed old-name.txt to new-name.txt");

        await File.WriteAllTextAsync(_scratch.InRoot("sub/nested.txt"), "nested");
        await WaitForAsync(watcher, c => c is { Kind: UfsChangeKind.Created, Path: "sub/nested.txt" }, "Created sub/nested.txt");
    }

    [Fact]
    public async Task A_watched_subdirectory_reports_mount_relative_paths_of_its_subtree_only()
    {
        Directory.CreateDirectory(_scratch.InRoot("a/b"));
        await using var watcher = _ufs.Watch("/a/./b")!;
        Assert.Equal("a/b", watcher.Path);

        await File.WriteAllTextAsync(_scratch.InRoot("a/outside.txt"), "not watched");
        await File.WriteAllTextAsync(_scratch.InRoot("a/b/inside.txt"), "watched");
        var (_, seen) = await WaitForAsync(
            watcher, c => c is { Kind: UfsChangeKind.Created, Path: "a/b/inside.txt" }, "Created a/b/inside.txt");

        Assert.All(seen, c => Assert.StartsWith("a/b/", c.Path, StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_connectors_own_writes_and_deletes_are_reported_without_temp_names()
    {
        await using var watcher = _ufs.Watch("")!;

        await using (var output = await _ufs.CreateFileAsync("c.txt"))
        {
            await output.WriteAsync("committed"u8.ToArray());
            await output.CommitAsync();
        }

        var (_, seenWrite) = await WaitForAsync(watcher, c => c is { Kind: UfsChangeKind.Created, Path: "c.txt" }, "Created c.txt");

        await _ufs.CreateDirectoryAsync("d");
        await using (var output = await _ufs.CreateFileAsync("d/inner.txt"))
        {
            await output.CommitAsync();
        }

        await _ufs.DeleteDirectoryAsync("d", recursive: true);
        var (_, seenDelete) = await WaitForAsync(watcher, c => c is { Kind: UfsChangeKind.Deleted, Path: "d" }, "Deleted d");

        Assert.All(seenWrite.Concat(seenDelete), c =>
        {
            Assert.DoesNotContain(".alluxio-ufs-", c.Path, StringComparison.Ordinal);
            Assert.DoesNotContain(".alluxio-ufs-", c.OldPath ?? "", StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task Changes_close_together_arrive_as_one_batch_without_duplicates()
    {
        var time = new ManualTimeProvider();
        await using var ufs = new LocalUnderFileSystem(_scratch.Root, new LocalUnderFileSystemOptions { TimeProvider = time, WatchBatchWindow = s_window });
        await File.WriteAllTextAsync(_scratch.InRoot("f.txt"), "start");
        await File.WriteAllTextAsync(_scratch.InRoot("g.txt"), "start");
        var watcher = (LocalChangeWatcher)ufs.Watch("")!;
        await using (watcher)
        {
            await using var batches = watcher.ReadBatchesAsync().GetAsyncEnumerator();

            foreach (var name in new[] { "one", "two", "three" })
            {
                Directory.CreateDirectory(_scratch.InRoot(name));
            }

            await TaskTimeouts.Until(() => watcher.PendingCount >= 3 && time.ScheduledTimerCount > 0, "three notifications to be queued");
            time.Advance(s_window);
            Assert.True(await batches.MoveNextAsync().AsTask().Within("the first batch"));
            Assert.Equal(
                ["one", "three", "two"],
                batches.Current.Where(c => c.Kind == UfsChangeKind.Created).Select(c => c.Path).Order(StringComparer.Ordinal));
            Assert.Equal(batches.Current.Count, batches.Current.Distinct().Count());

            // Interleaved, so inotify cannot merge the two identical changes of f.txt into one event.
            await File.AppendAllTextAsync(_scratch.InRoot("f.txt"), " one");
            await File.AppendAllTextAsync(_scratch.InRoot("g.txt"), " two");
            await File.AppendAllTextAsync(_scratch.InRoot("f.txt"), " three");
            await TaskTimeouts.Until(() => watcher.PendingCount >= 3 && time.ScheduledTimerCount > 0, "three change notifications to be queued");
            time.Advance(s_window);
            Assert.True(await batches.MoveNextAsync().AsTask().Within("the second batch"));
            Assert.Equal([new UfsChange(UfsChangeKind.Changed, "f.txt"), new UfsChange(UfsChangeKind.Changed, "g.txt")], batches.Current);
        }
    }

    [Fact]
    public async Task Lost_notifications_become_one_rescan_of_the_watched_path()
    {
        var time = new ManualTimeProvider();
        var options = new LocalUnderFileSystemOptions { TimeProvider = time, WatchBatchWindow = s_window, WatchQueueCapacity = 2 };
        await using var ufs = new LocalUnderFileSystem(_scratch.Root, options);
        Directory.CreateDirectory(_scratch.InRoot("w"));
        var watcher = (LocalChangeWatcher)ufs.Watch("w")!;
        await using (watcher)
        {
            for (var i = 0; i < 20; i++)
            {
                Directory.CreateDirectory(_scratch.InRoot($"w/d{i}"));
            }

            await TaskTimeouts.Until(() => watcher.DroppedCount > 0 && time.ScheduledTimerCount > 0, "the raw queue of two to overflow");
            time.Advance(s_window);

            await using var batches = watcher.ReadBatchesAsync().GetAsyncEnumerator();
            Assert.True(await batches.MoveNextAsync().AsTask().Within("the batch after the overflow"));
            Assert.Equal([new UfsChange(UfsChangeKind.RescanNeeded, "w")], batches.Current);
        }
    }

    [Fact]
    public async Task Watching_requires_an_existing_directory()
    {
        await File.WriteAllTextAsync(_scratch.InRoot("f"), "x");
        Assert.Throws<UfsNotFoundException>(() => _ufs.Watch("missing"));
        Assert.Throws<UfsNotADirectoryException>(() => _ufs.Watch("f"));
        Assert.Throws<UfsPathException>(() => _ufs.Watch("../.."));
    }

    [Fact]
    public async Task Disposing_the_watcher_ends_its_batches()
    {
        var watcher = _ufs.Watch("")!;
        var reading = Task.Run(async () =>
        {
            var count = 0;
            await foreach (var _ in watcher.ReadBatchesAsync())
            {
                count++;
            }

            return count;
        });

        await watcher.DisposeAsync();
        await watcher.DisposeAsync();
        Assert.Equal(0, await reading.Within("the batches to end after dispose"));
    }

    /// <summary>Reads batches until a change matches; returns it with every change seen on the way.</summary>
    private static async Task<(UfsChange Match, List<UfsChange> Seen)> WaitForAsync(
        IUfsChangeWatcher watcher, Func<UfsChange, bool> match, string what)
    {
        var seen = new List<UfsChange>();
        using var stop = new CancellationTokenSource();
        var reading = Task.Run(async () =>
        {
            await foreach (var batch in watcher.ReadBatchesAsync(stop.Token))
            {
                foreach (var change in batch)
                {
                    seen.Add(change);
                    if (match(change))
                    {
                        return change;
                    }
                }
            }

            throw new InvalidOperationException($"The watcher ended before reporting {what}.");
        });

        try
        {
            var found = await reading.Within($"the watcher to report {what}");
            return (found, seen);
        }
        finally
        {
            await stop.CancelAsync();
        }
    }
}
