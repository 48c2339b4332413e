using Alluxio.Client;
using Alluxio.Grains.FileSystem;
using Alluxio.Testing;
using Alluxio.Testing.Processes;
using Xunit;

namespace Alluxio.Integration.Tests;

/// <summary>
/// ASYNC_THROUGH: the data is in the cache at once and in the UFS shortly after; the file is never PERSISTED before
/// the UFS has every byte; a failing UFS is retried and reported, never lost; a SIGKILL loses no pending persist.
/// </summary>
public sealed class AsyncPersistTests
{
    private const int Mib = 1 << 20;

    [Fact]
    public async Task An_async_through_file_is_cached_at_once_and_persisted_in_the_background()
    {
        using var dir = new TempDirectory();
        await using var silo = SiloProcess.Start(dir.Sub("data"));
        await silo.WaitUntilServingAsync();
        using var fs = FileSystem.Connect(silo.Address);
        var data = DataPathFixture.Bytes((2 * Mib) + 3, 11);

        var status = await WriteAsync(fs, "/async", data);

        Assert.Equal(100, status.InAlluxioPercentage);
        Assert.NotEqual(PersistenceState.NotPersisted, status.PersistenceState);
        await TaskTimeouts.Until(() => fs.GetStatusAsync("/async").Result.PersistenceState == PersistenceState.Persisted, "the background persist");
        Assert.Equal(data, await File.ReadAllBytesAsync(Path.Combine(silo.DataDir, "underfs", "async")));
        var persisted = await fs.GetStatusAsync("/async");
        Assert.Contains("LEN=" + data.Length, persisted.UfsFingerprint);
        Assert.Empty(persisted.PersistError);
        Assert.Empty(await fs.ListPendingPersistsAsync());
    }

    [Fact]
    public async Task A_failing_ufs_is_retried_and_reported_and_the_file_is_persisted_once_it_recovers()
    {
        using var dir = new TempDirectory();
        await using var silo = SiloProcess.Start(dir.Sub("data"));
        await silo.WaitUntilServingAsync();
        using var fs = FileSystem.Connect(silo.Address);
        await fs.CreateDirectoryAsync("/broken");
        var ufsDirectory = Path.Combine(silo.DataDir, "underfs", "broken");
        var data = DataPathFixture.Bytes(Mib + 17, 12);
        await using (var stream = await fs.OpenWriteAsync("/broken/file", new CreateFileOptions(BlockSizeBytes: Mib, WriteType: WriteType.AsyncThrough)))
        {
            await stream.WriteAsync(data);
            // The UFS breaks before the file is complete: its parent directory becomes a file.
            Directory.Delete(ufsDirectory, recursive: true);
            await File.WriteAllTextAsync(ufsDirectory, "not a directory");
        }

        await TaskTimeouts.Until(() => fs.GetStatusAsync("/broken/file").Result.PersistError.Length > 0, "the persist failure to be recorded");
        var failing = await fs.GetStatusAsync("/broken/file");
        Assert.Equal(PersistenceState.ToBePersisted, failing.PersistenceState);
        var pending = Assert.Single(await fs.ListPendingPersistsAsync());
        Assert.Equal("/broken/file", pending.Path);
        Assert.True(pending.Attempts >= 1);
        Assert.False(string.IsNullOrEmpty(pending.LastError));
        Assert.Equal(data, await ReadAsync(fs, "/broken/file")); // still served from the cache meanwhile

        File.Delete(ufsDirectory);
        Directory.CreateDirectory(ufsDirectory);
        await fs.PersistAsync("/broken/file"); // retry now instead of after the backoff

        await TaskTimeouts.Until(() => fs.GetStatusAsync("/broken/file").Result.PersistenceState == PersistenceState.Persisted, "the retried persist");
        Assert.Equal(data, await File.ReadAllBytesAsync(Path.Combine(ufsDirectory, "file")));
        Assert.Empty((await fs.GetStatusAsync("/broken/file")).PersistError);
    }

    [Fact]
    public async Task Pending_persists_survive_a_sigkill_and_finish_after_restart()
    {
        using var dir = new TempDirectory();
        var dataDir = dir.Sub("data");
        var delayed = dir.Sub("delayed.json");
        await File.WriteAllTextAsync(delayed, """{ "Master": { "PersistInitialDelay": "01:00:00" } }""");
        var files = Enumerable.Range(0, 5).ToDictionary(i => $"/pending/f{i}", i => DataPathFixture.Bytes((Mib / 2) + i, 100 + i));
        var port = FreePort.Next();
        await using (var first = SiloProcess.Start(dataDir, port, null, "--config", delayed))
        {
            await first.WaitUntilServingAsync();
            using var fs = FileSystem.Connect(first.Address);
            await fs.CreateDirectoryAsync("/pending");
            foreach (var (path, data) in files)
            {
                Assert.Equal(PersistenceState.ToBePersisted, (await WriteAsync(fs, path, data)).PersistenceState);
            }

            Assert.Equal(files.Count, (await fs.ListPendingPersistsAsync()).Count);
            await first.KillAsync();
        }

        Assert.All(files.Keys, path => Assert.False(File.Exists(Path.Combine(dataDir, "underfs", path.TrimStart('/')))));
        await using var second = SiloProcess.Start(dataDir, port);
        await second.WaitUntilServingAsync();
        using var again = FileSystem.Connect(second.Address);
        await TaskTimeouts.Until(
            () => files.Keys.All(path => again.GetStatusAsync(path).Result.PersistenceState == PersistenceState.Persisted),
            "every pending persist to finish after the restart");
        foreach (var (path, data) in files)
        {
            Assert.Equal(data, await File.ReadAllBytesAsync(Path.Combine(dataDir, "underfs", path.TrimStart('/'))));
        }
    }

    private static async Task<FileStatus> WriteAsync(FileSystem fs, string path, byte[] data)
    {
        await using var stream = await fs.OpenWriteAsync(path, new CreateFileOptions(BlockSizeBytes: Mib, WriteType: WriteType.AsyncThrough));
        await stream.WriteAsync(data);
        await stream.DisposeAsync();
        return stream.Completed!;
    }

    private static async Task<byte[]> ReadAsync(FileSystem fs, string path)
    {
        await using var stream = await fs.OpenReadAsync(path);
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy);
        return copy.ToArray();
    }
}
