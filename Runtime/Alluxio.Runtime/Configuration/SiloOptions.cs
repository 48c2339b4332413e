using System.Net;

namespace Alluxio.Runtime.Configuration;

/// <summary>This silo's identity in the cluster.</summary>
public sealed class SiloOptions
{
    /// <summary>A name for logs (default: the host name).</summary>
    public string SiloName { get; set; } = Dns.GetHostName();

    /// <summary>The silo-to-silo endpoint (default 127.0.0.1:11111, Orleans' silo port).</summary>
    public IPEndPoint SiloEndpoint { get; set; } = new(IPAddress.Loopback, 11111);

    /// <summary>Roles this silo serves (placement by role); default "master" and "worker".</summary>
    public IList<string> Roles { get; set; } = ["master", "worker"];

    /// <summary>Checks the values; returns the problems found.</summary>
    public IEnumerable<string> Validate()
    {
        if (string.IsNullOrWhiteSpace(SiloName))
        {
            yield return "SiloName must not be empty.";
        }

        if (Roles.Any(string.IsNullOrWhiteSpace))
        {
            yield return "Roles must not contain empty names.";
        }
    }
}
