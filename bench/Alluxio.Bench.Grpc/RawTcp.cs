using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;

namespace Alluxio.Bench.Grpc;

/// <summary>The floor: the same bytes over one loopback TCP connection, no HTTP/2 at all.</summary>
internal sealed class RawTcp : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly Task _acceptLoop;

    public RawTcp()
    {
        _listener.Start();
        _acceptLoop = AcceptLoopAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>Asks for <paramref name="count"/> chunks of <paramref name="size"/> bytes and reads them all; returns bytes read.</summary>
    public async Task<long> ReadStreamAsync(int count, int size)
    {
        using var client = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        await client.ConnectAsync(IPAddress.Loopback, Port);
        var header = new byte[8];
        BinaryPrimitives.WriteInt32LittleEndian(header, count);
        BinaryPrimitives.WriteInt32LittleEndian(header.AsSpan(4), size);
        await client.SendAsync(header);
        var buffer = new byte[size];
        long total = 0;
        var expected = (long)count * size;
        while (total < expected)
        {
            var n = await client.ReceiveAsync(buffer);
            if (n == 0)
                throw new IOException("The raw TCP server closed early.");
            total += n;
        }

        return total;
    }

    public void Dispose()
    {
        _listener.Stop();
        _ = _acceptLoop.Exception;
    }

    private async Task AcceptLoopAsync()
    {
        while (true)
        {
            Socket socket;
            try
            {
                socket = await _listener.AcceptSocketAsync();
            }
            catch (Exception) when (!_listener.Server.IsBound)
            {
                return;
            }
            catch (ObjectDisposedException)
            {
                return;
            }
            catch (SocketException)
            {
                return;
            }

            _ = ServeAsync(socket);
        }
    }

    private static async Task ServeAsync(Socket socket)
    {
        using (socket)
        {
            socket.NoDelay = true;
            var header = new byte[8];
            var read = 0;
            while (read < header.Length)
            {
                var n = await socket.ReceiveAsync(header.AsMemory(read));
                if (n == 0)
                    return;
                read += n;
            }

            var count = BinaryPrimitives.ReadInt32LittleEndian(header);
            var chunk = new byte[BinaryPrimitives.ReadInt32LittleEndian(header.AsSpan(4))];
            for (var i = 0; i < count; i++)
                await socket.SendAsync(chunk);
            socket.Shutdown(SocketShutdown.Send);
        }
    }
}
