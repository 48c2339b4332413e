using System.Net.NetworkInformation;
using Alluxio.Client;
using Alluxio.Grains.Exceptions;
using Alluxio.Grains.FileSystem;
using Alluxio.Testing.Processes;
using Xunit;

namespace Alluxio.Integration.Tests;

/// <summary>
/// The worker's data port (BlockWorker on the silo's own HTTP/2 server) against a live silo: the worker registers
/// it, the SDK streams blocks through it (seen as the SDK's TCP connections to that port), falls back to the master
/// port when it cannot be reached, and a silo killed mid-stream fails the read instead of hanging or ending it short.
/// </summary>
public sealed class DataPortTests
{
    private const int Mib = 1 << 20;

    [Fact]
    public async Task The_worker_registers_its_data_port_and_block_streams_go_through_it()
    {
        using var dir = new TempDirectory();
        await using var silo = SiloProcess.Start(dir.Sub("data"));
        await silo.WaitUntilServingAsync();
        using var fs = FileSystem.Connect(silo.Address, new FileSystemClientOptions { ShortCircuit = false });
        Assert.Equal($"127.0.0.1:{silo.DataPort}", Assert.Single(await fs.GetWorkersAsync()).Address);
        Assert.Empty(ConnectionsTo(silo.DataPort));

        foreach (var type in new[] { WriteType.MustCache, WriteType.CacheThrough, WriteType.Through })
        {
            var data = DataPathFixture.Bytes((5 * Mib) + 321, (int)type);
            var path = "/data-port-" + type;
            await WriteAsync(fs, path, data, type);
            foreach (var read in new[] { ReadType.NoCache, ReadType.Cache, ReadType.CachePromote })
                Assert.Equal(data, await ReadAllAsync(fs, path, read));
        }

        // The SDK keeps its idle connections: they are to the data port.
        Assert.NotEmpty(ConnectionsTo(silo.DataPort));
    }

    [Fact]
    public async Task With_the_data_port_off_the_worker_serves_block_streams_on_the_master_port()
    {
        using var dir = new TempDirectory();
        await using var silo = SiloProcess.Start(dir.Sub("data"), null, null, "--data-port", "-1");
        await silo.WaitUntilServingAsync();
        using var fs = FileSystem.Connect(silo.Address, new FileSystemClientOptions { ShortCircuit = false });
        Assert.Equal($"127.0.0.1:{silo.Port}", Assert.Single(await fs.GetWorkersAsync()).Address);
        var data = DataPathFixture.Bytes((3 * Mib) + 1, 11);
        await WriteAsync(fs, "/master-port", data, WriteType.MustCache);
        Assert.Equal(data, await ReadAllAsync(fs, "/master-port", ReadType.Cache));
    }

    [Fact]
    public async Task A_client_whose_data_port_went_away_falls_back_to_the_master_port()
    {
        using var dir = new TempDirectory();
        var data = DataPathFixture.Bytes((2 * Mib) + 99, 12);
        var first = SiloProcess.Start(dir.Sub("data"));
        await first.WaitUntilServingAsync();
        using var fs = FileSystem.Connect(first.Address, new FileSystemClientOptions { ShortCircuit = false });
        await WriteAsync(fs, "/moved", data, WriteType.CacheThrough);
        Assert.Equal(data, await ReadAllAsync(fs, "/moved", ReadType.Cache)); // the SDK now knows the first data port
        var port = first.Port;
        await first.StopAsync();
        await first.DisposeAsync();

        // The same silo back on its master port, its worker on another data port.
        await using var second = SiloProcess.Start(dir.Sub("data"), port, null, "--data-port", FreePort.Next().ToString(System.Globalization.CultureInfo.InvariantCulture));
        await second.WaitUntilServingAsync();
        Assert.Equal(data, await ReadAllAsync(fs, "/moved", ReadType.Cache)); // the old data port is refused: streamed over the master port
        Assert.Equal($"127.0.0.1:{second.DataPort}", Assert.Single(await fs.GetWorkersAsync()).Address);
    }

    [Fact]
    public async Task A_silo_killed_mid_read_fails_the_read_instead_of_ending_it_short()
    {
        using var dir = new TempDirectory();
        await using var silo = SiloProcess.Start(dir.Sub("data"));
        await silo.WaitUntilServingAsync();
        using var fs = FileSystem.Connect(silo.Address, new FileSystemClientOptions { ShortCircuit = false, RetryMaxDuration = TimeSpan.FromSeconds(1) });
        var data = DataPathFixture.Bytes(48 * Mib, 13);
        await WriteAsync(fs, "/killed", data, WriteType.MustCache, blockSize: 64 * Mib);

        await using var stream = await fs.OpenReadAsync("/killed");
        var buffer = new byte[Mib];
        long read = 0;
        while (read < 4 * Mib)
            read += await stream.ReadAsync(buffer);
        await silo.KillAsync();
        var error = await Assert.ThrowsAnyAsync<Exception>(async () =>
        {
            int n;
            while ((n = await stream.ReadAsync(buffer).AsTask().WaitAsync(TimeSpan.FromSeconds(30))) > 0)
                read += n;
        });
        Assert.True(error is AlluxioException or IOException, $"{error.GetType().Name}: {error.Message}");
        Assert.True(read < data.Length, "the read ended cleanly after the silo was killed");
    }

    /// <summary>This process's established TCP connections to a local port.</summary>
    private static List<TcpConnectionInformation> ConnectionsTo(int port) =>
        [.. IPGlobalProperties.GetIPGlobalProperties().GetActiveTcpConnections()
            .Where(c => c.RemoteEndPoint.Port == port && c.State == TcpState.Established)];

    private static async Task WriteAsync(FileSystem fs, string path, byte[] data, WriteType type, long blockSize = Mib)
    {
        await using var stream = await fs.OpenWriteAsync(path, new CreateFileOptions(BlockSizeBytes: blockSize, WriteType: type));
        for (var offset = 0; offset < data.Length; offset += 700_000)
            await stream.WriteAsync(data.AsMemory(offset, Math.Min(700_000, data.Length - offset)));
    }

    private static async Task<byte[]> ReadAllAsync(FileSystem fs, string path, ReadType type)
    {
        await using var stream = await fs.OpenReadAsync(path, new OpenFileOptions(type));
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy, 300_000);
        return copy.ToArray();
    }
}
