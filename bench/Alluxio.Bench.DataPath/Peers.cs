using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Alluxio.Bench.DataPath;

/// <summary>The limits and peers the data path is compared with: raw loopback TCP, plain files, rclone mount.</summary>
internal static class Peers
{
    private const int Piece = 1 << 20;

    /// <summary>Seconds to move <paramref name="total"/> bytes over a loopback TCP connection in 1 MiB writes and reads.</summary>
    public static async Task<double> TcpSecondsAsync(long total)
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var send = Task.Run(async () =>
        {
            using var server = await listener.AcceptTcpClientAsync();
            var stream = server.GetStream();
            var data = new byte[Piece];
            for (long sent = 0; sent < total; sent += Piece)
            {
                await stream.WriteAsync(data);
            }
        });
        using var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, port);
        var input = client.GetStream();
        var buffer = new byte[Piece];
        var clock = Stopwatch.StartNew();
        long received = 0;
        while (received < total)
        {
            var n = await input.ReadAsync(buffer);
            if (n == 0)
            {
                break;
            }

            received += n;
        }

        var seconds = clock.Elapsed.TotalSeconds;
        await send;
        return seconds;
    }

    /// <summary>
    /// Seconds to write <paramref name="data"/> repeatedly into a new file until <paramref name="total"/> bytes, and
    /// with <paramref name="durable"/> to fsync it before closing (what the UFS does before a THROUGH or CACHE_THROUGH
    /// write is acknowledged).
    /// </summary>
    public static double WriteFileSeconds(string path, byte[] data, long total, bool durable = false)
    {
        var clock = Stopwatch.StartNew();
        using (var file = File.OpenHandle(path, FileMode.Create, FileAccess.Write))
        {
            for (long offset = 0; offset < total; offset += Piece)
            {
                RandomAccess.Write(file, data.AsSpan((int)(offset % data.Length), Piece), offset);
            }

            if (durable)
            {
                using var stream = new FileStream(file, FileAccess.Write, bufferSize: 0);
                stream.Flush(flushToDisk: true);
            }
        }

        return clock.Elapsed.TotalSeconds;
    }

    /// <summary>Seconds to read a file sequentially in 1 MiB reads.</summary>
    public static double ReadFileSeconds(string path)
    {
        var buffer = new byte[Piece];
        var clock = Stopwatch.StartNew();
        using var file = File.OpenHandle(path, FileMode.Open, FileAccess.Read);
        for (long offset = 0; ; offset += Piece)
        {
            if (RandomAccess.Read(file, buffer, offset) == 0)
            {
                break;
            }
        }

        return clock.Elapsed.TotalSeconds;
    }

    /// <summary>
    /// Mounts <paramref name="source"/> with <c>rclone mount --vfs-cache-mode full</c> at <paramref name="mountPoint"/>,
    /// or returns null (with the reason) when rclone or FUSE is not available.
    /// </summary>
    public static async Task<(Process? Rclone, string? Problem)> MountRcloneAsync(string source, string mountPoint, string cacheDir)
    {
        Directory.CreateDirectory(mountPoint);
        Directory.CreateDirectory(cacheDir);
        var info = new ProcessStartInfo("rclone")
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { "mount", source, mountPoint, "--vfs-cache-mode", "full", "--cache-dir", cacheDir, "--vfs-cache-max-size", "8G" })
        {
            info.ArgumentList.Add(arg);
        }

        Process process;
        try
        {
            process = Process.Start(info)!;
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return (null, $"rclone not found ({e.Message}); install it with deploy/install-deps.sh --bench");
        }

        for (var i = 0; i < 100; i++)
        {
            if (process.HasExited)
            {
                return (null, "rclone mount exited: " + (await process.StandardError.ReadToEndAsync()).Trim());
            }

            if (File.ReadAllText("/proc/mounts").Contains(" " + mountPoint + " ", StringComparison.Ordinal))
            {
                return (process, null);
            }

            await Task.Delay(100);
        }

        process.Kill();
        return (null, "rclone mount did not come up within 10 s");
    }

    /// <summary>Unmounts and stops rclone.</summary>
    public static async Task UnmountRcloneAsync(Process rclone, string mountPoint)
    {
        using (var unmount = Process.Start("fusermount3", ["-u", mountPoint]))
        {
            await unmount.WaitForExitAsync();
        }

        if (!rclone.WaitForExit(5000))
        {
            rclone.Kill();
        }
    }
}
