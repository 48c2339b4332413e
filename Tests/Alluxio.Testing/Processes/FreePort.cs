using System.Net;
using System.Net.Sockets;

namespace Alluxio.Testing.Processes;

/// <summary>Loopback ports that were free a moment ago (the OS picks them), for servers started by tests.</summary>
public static class FreePort
{
    /// <summary>A port the OS just handed out and released.</summary>
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
