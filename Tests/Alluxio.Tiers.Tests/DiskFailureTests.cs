using Alluxio.Tiers.Exceptions;
using Alluxio.Tiers.Files;

namespace Alluxio.Tiers.Tests;

/// <summary>A disk that fills up or fails: the write fails cleanly, the directory is marked unhealthy, others carry on.</summary>
public sealed class DiskFailureTests
{
    private const int Kib = StoreFixture.Kib;

    [Fact]
    public void The_operating_systems_disk_full_error_is_recognised()
    {
        // /dev/full answers every write with ENOSPC: the real errno, as .NET surfaces it.
        using var full = File.OpenHandle("/dev/full", FileMode.Open, FileAccess.Write);
        var error = Assert.ThrowsAny<IOException>(() => RandomAccess.Write(full, new byte[16], 0));

        Assert.True(DiskErrors.IsDiskFull(error), $"HResult {error.HResult}: {error.Message}");
        Assert.False(DiskErrors.IsDiskFull(DiskErrors.IoError("x")));
    }

    [Fact]
    public async Task A_disk_filling_up_mid_write_fails_that_write_cleanly_and_marks_the_directory()
    {
        using var fx = new StoreFixture(memDirectories: 2, configure: o => o.Allocator = Options.AllocatorKind.Greedy);
        var mem0 = Path.Combine(fx.Root, "mem0");
        fx.Files.WriteFault = (path, end) => path.StartsWith(mem0, StringComparison.Ordinal) && end > 10 * Kib ? DiskErrors.DiskFull(path) : null;
        await fx.WriteAsync(1, 5 * Kib); // Greedy: the first directory; fits under the limit
        Assert.StartsWith(mem0, fx.Store.GetBlock(1)!.FilePath);

        var error = await Assert.ThrowsAsync<TierDirectoryFailedException>(() => fx.WriteAsync(2, 20 * Kib, pieceBytes: 4 * Kib));

        Assert.Contains("disk full", error.Message);
        Assert.Null(fx.Store.GetBlock(2));
        Assert.Empty(Directory.GetFiles(Path.Combine(mem0, "tmp")));
        var report = fx.Store.GetReport()[0].Directories;
        Assert.False(report[0].Healthy);
        Assert.All(report, d => Assert.Equal(0, d.ReservedBytes));
        Assert.Equal(StoreFixture.Content(1, 5 * Kib), await fx.ReadAsync(1)); // what was there stays readable

        await fx.WriteAsync(2, 20 * Kib); // the retry goes to the healthy directory
        Assert.StartsWith(Path.Combine(fx.Root, "mem1"), fx.Store.GetBlock(2)!.FilePath);
        fx.AssertConsistent();
    }

    [Fact]
    public async Task An_unhealthy_directory_comes_back_when_its_probe_passes()
    {
        using var fx = new StoreFixture();
        fx.Files.CreateFault = path => DiskErrors.IoError(path);
        await Assert.ThrowsAsync<TierDirectoryFailedException>(() => fx.WriteAsync(1, Kib));
        Assert.All(fx.Store.GetReport().SelectMany(t => t.Directories), d => Assert.False(d.Healthy));
        Assert.Equal(2, fx.Store.CheckHealth());

        fx.Files.CreateFault = null;
        Assert.Equal(0, fx.Store.CheckHealth());

        await fx.WriteAsync(1, Kib);
        Assert.Equal("MEM", fx.TierOf(1));
        fx.AssertConsistent();
    }

    [Fact]
    public async Task A_device_without_room_for_a_reservation_stays_unhealthy()
    {
        using var fx = new StoreFixture();
        fx.Files.CreateFault = path => DiskErrors.DiskFull(path);
        await Assert.ThrowsAsync<TierDirectoryFailedException>(() => fx.WriteAsync(1, Kib));
        fx.Files.CreateFault = null;
        fx.Files.AvailableBytesOverride = 100;

        Assert.Equal(2, fx.Store.CheckHealth());
    }

    [Fact]
    public async Task A_block_whose_file_cannot_be_read_is_dropped()
    {
        using var fx = new StoreFixture();
        var info = await fx.WriteAsync(1, 8 * Kib);
        fx.Files.ReadFault = path => path == info.FilePath ? DiskErrors.IoError(path) : null;
        using var reader = await fx.Store.OpenReadAsync(1);

        Assert.Throws<BlockCorruptedException>(() => reader.Read(0, new byte[10]));
        Assert.Null(fx.Store.GetBlock(1));
        Assert.Contains("removed 1 Lost", fx.Events.Log);
    }
}
