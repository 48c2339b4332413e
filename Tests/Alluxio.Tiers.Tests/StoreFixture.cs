using Alluxio.Tiers.Files;
using Alluxio.Tiers.Options;
using Alluxio.Tiers.Store;

namespace Alluxio.Tiers.Tests;

/// <summary>
/// A tiered store on real directories under a scratch root: by default MEM (one directory) over SSD (one directory),
/// small quotas, 4 KiB checksum chunks so tests exercise many chunks with small blocks.
/// </summary>
internal sealed class StoreFixture : IDisposable
{
    public const int Kib = 1024;

    public StoreFixture(long memQuota = 64 * Kib, long ssdQuota = 128 * Kib, int memDirectories = 1, Action<TieredStoreOptions>? configure = null)
    {
        Root = Path.Combine(Path.GetTempPath(), "alluxio-tiers-" + Guid.NewGuid().ToString("N"));
        Options = new TieredStoreOptions
        {
            ReservationBytes = 4 * Kib,
            ChecksumChunkBytes = 4 * Kib,
            Tiers =
            [
                new TierOptions
                {
                    Alias = "MEM",
                    Directories = [.. Enumerable.Range(0, memDirectories).Select(i => new TierDirectoryOptions { Path = Path.Combine(Root, $"mem{i}"), QuotaBytes = memQuota })],
                },
                new TierOptions { Alias = "SSD", Directories = [new TierDirectoryOptions { Path = Path.Combine(Root, "ssd"), QuotaBytes = ssdQuota }] },
            ],
        };
        configure?.Invoke(Options);
        Files = new FaultyBlockFileSystem(PhysicalBlockFileSystem.Instance);
        Store = TieredBlockStore.Open(Options, Files);
        Store.Listener = Events;
    }

    public string Root { get; }

    public TieredStoreOptions Options { get; }

    public FaultyBlockFileSystem Files { get; }

    public RecordingListener Events { get; } = new();

    public TieredBlockStore Store { get; private set; }

    /// <summary>The bytes of block <paramref name="blockId"/>: deterministic, so any copy can be checked.</summary>
    public static byte[] Content(long blockId, int length)
    {
        var bytes = new byte[length];
        new Random((int)blockId * 7919).NextBytes(bytes);
        return bytes;
    }

    public async Task<BlockInfo> WriteAsync(long blockId, int length, BlockWriteOptions? options = null, int pieceBytes = 3000)
    {
        using var writer = await Store.CreateBlockAsync(blockId, options);
        var content = Content(blockId, length);
        for (var offset = 0; offset < length; offset += pieceBytes)
        {
            await writer.WriteAsync(content.AsMemory(offset, Math.Min(pieceBytes, length - offset)));
        }

        return await writer.CommitAsync();
    }

    public async Task<byte[]> ReadAsync(long blockId, BlockReadOptions? options = null)
    {
        using var reader = await Store.OpenReadAsync(blockId, options);
        var bytes = new byte[reader.Length];
        Assert.Equal(bytes.Length, reader.Read(0, bytes));
        return bytes;
    }

    public string TierOf(long blockId) => Store.GetBlock(blockId)?.TierAlias ?? "none";

    public void AssertConsistent() => Assert.Empty(Store.CheckInvariants());

    /// <summary>Closes the store and opens a new one on the same directories (a restart).</summary>
    public void Reopen()
    {
        Store.Dispose();
        Store = TieredBlockStore.Open(Options, Files);
        Store.Listener = Events;
    }

    public void Dispose()
    {
        Store.Dispose();
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
