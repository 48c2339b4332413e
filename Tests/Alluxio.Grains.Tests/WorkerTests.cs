using Alluxio.Grains.FileSystem;
using Alluxio.Grains.FileSystem.Mounts;
using Alluxio.Grains.Hosting;
using Alluxio.Grains.Persistence;
using Alluxio.Grains.Worker;
using Alluxio.Testing;
using Alluxio.Testing.Hosting;
using Alluxio.Ufs;
using Alluxio.Ufs.Local;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Alluxio.Grains.Tests;

/// <summary>
/// Master and worker in one in-process silo over a fault-injecting UFS (the decorator counts calls and fails chosen
/// ones): one UFS read for concurrent misses, partial reads cached in the background, and ASYNC_THROUGH persistence
/// that retries and reports a failing UFS, never marking the file persisted early.
/// </summary>
public sealed class WorkerTests : IAsyncLifetime
{
    private const int Mib = 1 << 20;
    private readonly string _root = Path.Combine(Path.GetTempPath(), "alluxio-worker-test-" + Guid.NewGuid().ToString("N"));
    private FaultInjectingUnderFileSystem? _ufs;
    private TestSilo _silo = null!;

    private static Security.CallerIdentity Super { get; } = Security.CallerIdentity.OfUser(Environment.UserName);

    private string UfsRoot => Path.Combine(_root, "ufs");

    private IFileSystemGrain Fs => _silo.GrainFactory.GetGrain<IFileSystemGrain>(0);

    private LocalWorker Worker => _silo.Services.GetRequiredService<LocalWorker>();

    /// <summary>The root mount's connector, the fault-injecting decorator (created on first use).</summary>
    private FaultInjectingUnderFileSystem Ufs
    {
        get
        {
            var master = _silo.Services.GetRequiredService<FileSystemMaster>();
            _silo.Services.GetRequiredService<UfsManager>().Get(master.Reader.Mounts().First(m => m.AlluxioPath == "/"));
            return _ufs ?? throw new InvalidOperationException("the root UFS is not decorated");
        }
    }

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(UfsRoot);
        var data = Path.Combine(_root, "data");
        _silo = await TestSilo.StartAsync(
            silo =>
            {
                silo.AddFileSystemMaster(data, o =>
                {
                    o.RootUfs = UfsRoot;
                    o.PersistRetryDelay = TimeSpan.FromMilliseconds(50);
                    o.PersistRetryMaxDelay = TimeSpan.FromMilliseconds(200);
                });
                silo.AddWorker(data, "localhost:0", o =>
                {
                    o.MemoryDirectory = Path.Combine(_root, "mem");
                    o.MemoryBytes = 64 * Mib;
                    o.SsdBytes = 64 * Mib;
                    o.HeartbeatInterval = TimeSpan.FromMilliseconds(100);
                });
            },
            services => services.AddSingleton(_ => new UfsManager(new UnderFileSystemRegistry().Register(new LocalUnderFileSystemFactory()))
            {
                Decorate = (_, inner) => _ufs = new FaultInjectingUnderFileSystem(inner, seed: 1),
            }));
    }

    public async Task DisposeAsync()
    {
        await _silo.DisposeAsync();
        Directory.Delete(_root, recursive: true);
    }

    [Fact]
    public async Task Concurrent_misses_of_one_block_read_the_ufs_once()
    {
        var data = Bytes(3 * Mib, 1);
        await File.WriteAllBytesAsync(Path.Combine(UfsRoot, "shared"), data);
        var status = await Fs.GetStatus("/shared", SyncOptions.Default, Super);
        Ufs.ResetCallCounts();
        Ufs.Delay(UfsOperation.Open, TimeSpan.FromMilliseconds(200)); // keep the first load in flight while the others arrive

        var reads = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => ReadBlockAsync(status.BlockIds[0], 0, 0, ReadType.Cache)));

        Assert.All(reads, r => Assert.Equal(data, r)); // one 64 MiB block holds the whole file
        Assert.Equal(1, Ufs.GetCallCount(UfsOperation.Open));
        Assert.NotNull(Worker.Store.GetBlock(status.BlockIds[0]));
    }

    [Fact]
    public async Task A_partial_read_is_served_from_the_ufs_and_the_whole_block_cached_in_the_background()
    {
        var data = Bytes(2 * Mib, 2);
        await File.WriteAllBytesAsync(Path.Combine(UfsRoot, "partial"), data);
        var status = await Fs.GetStatus("/partial", SyncOptions.Default, Super);
        var blockId = status.BlockIds[0];

        var part = await ReadBlockAsync(blockId, 1000, 5000, ReadType.Cache);

        Assert.Equal(data.AsSpan(1000, 5000).ToArray(), part);
        await TaskTimeouts.Until(() => Worker.Store.GetBlock(blockId) is not null, "the async cache of the whole block");
        Assert.Equal(data, await ReadBlockAsync(blockId, 0, 0, ReadType.NoCache));
    }

    [Fact]
    public async Task No_cache_reads_leave_nothing_in_the_cache()
    {
        await File.WriteAllBytesAsync(Path.Combine(UfsRoot, "nocache"), Bytes(Mib, 3));
        var status = await Fs.GetStatus("/nocache", SyncOptions.Default, Super);

        await ReadBlockAsync(status.BlockIds[0], 0, 0, ReadType.NoCache);
        await ReadBlockAsync(status.BlockIds[0], 10, 10, ReadType.NoCache);
        // A CACHE partial read of another block goes through the same background queue: once it is cached, anything
        // the NO_CACHE reads had queued before it would have been taken too.
        await File.WriteAllBytesAsync(Path.Combine(UfsRoot, "marker"), Bytes(Mib, 5));
        var marker = await Fs.GetStatus("/marker", SyncOptions.Default, Super);
        await ReadBlockAsync(marker.BlockIds[0], 1, 1, ReadType.Cache);
        await TaskTimeouts.Until(() => Worker.Store.GetBlock(marker.BlockIds[0]) is not null, "the marker block's background caching");

        Assert.Null(Worker.Store.GetBlock(status.BlockIds[0]));
    }

    [Fact]
    public async Task A_failing_ufs_makes_persistence_retry_and_report_and_the_file_is_never_marked_persisted_early()
    {
        Ufs.FailAlways(UfsOperation.Commit, () => new UfsUnavailableException("injected: the UFS is down"));
        var data = Bytes(Mib + 5, 4);
        await WriteCachedAsync("/async", data);
        await Fs.CompleteFile("/async", new CompleteFileOptions(data.Length, AsyncPersist: true), Super);

        var queue = _silo.Services.GetRequiredService<PersistQueue>();
        await TaskTimeouts.Until(() => queue.Snapshot().Any(p => p.Attempts >= 3), "three failed attempts");
        var failing = await Fs.GetStatus("/async", SyncOptions.Default, Super);
        Assert.Equal(PersistenceState.ToBePersisted, failing.PersistenceState);
        Assert.Contains("injected", failing.PersistError);
        Assert.False(File.Exists(Path.Combine(UfsRoot, "async")));

        Ufs.ClearFaults();
        await TaskTimeouts.UntilAsync(async () => (await Fs.GetStatus("/async", SyncOptions.Default, Super)).PersistenceState == PersistenceState.Persisted, "the persist after the UFS recovered");
        Assert.Equal(data, await File.ReadAllBytesAsync(Path.Combine(UfsRoot, "async")));
        Assert.Empty((await Fs.GetStatus("/async", SyncOptions.Default, Super)).PersistError);
    }

    private async Task WriteCachedAsync(string path, byte[] data)
    {
        var status = await Fs.CreateFile(path, new CreateFileOptions(BlockSizeBytes: Mib, WriteType: WriteType.AsyncThrough), Super);
        for (var i = 0; i * Mib < data.Length; i++)
        {
            var piece = data.AsMemory(i * Mib, Math.Min(Mib, data.Length - (i * Mib)));
            await Worker.WriteBlockAsync(new BlockWriteCommand(Blocks.BlockId.Create(status.FileId, i), 0, 0, Pinned: true), One(piece), CancellationToken.None);
        }
    }

    private async Task<byte[]> ReadBlockAsync(long blockId, long offset, long length, ReadType type)
    {
        using var output = new MemoryStream();
        await Worker.ReadBlockAsync(new BlockReadRequest(blockId, offset, length, 0, type), (chunk, _) => output.WriteAsync(chunk), CancellationToken.None);
        return output.ToArray();
    }

    private static async IAsyncEnumerable<ReadOnlyMemory<byte>> One(ReadOnlyMemory<byte> piece)
    {
        await Task.Yield();
        yield return piece;
    }

    private static byte[] Bytes(int length, int seed)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }
}
