using System.Globalization;
using System.Net;

namespace Alluxio.Runtime.Cluster;

/// <summary>
/// A silo process: the endpoint its silo-to-silo transport listens on and the generation (start time) that tells a
/// restarted silo on the same endpoint apart from its dead predecessor. Printed as "S10.0.0.1:11111:123456".
/// </summary>
public sealed record SiloAddress(IPEndPoint Endpoint, int Generation) : IComparable<SiloAddress>
{
    /// <summary>A consistent-hash position on the directory ring, the same in every process.</summary>
    public uint GetConsistentHashCode() => StableHash.Compute(ToString());

    /// <summary>Creates an address for a new silo generation from the current time.</summary>
    public static SiloAddress New(IPEndPoint endpoint, TimeProvider timeProvider) =>
        new(endpoint, (int)(timeProvider.GetUtcNow().ToUnixTimeSeconds() - 1_700_000_000));

    /// <summary>Parses the printed form.</summary>
    public static SiloAddress Parse(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.Length < 2 || value[0] != 'S')
        {
            throw new FormatException($"'{value}' is not a silo address (S<ip>:<port>:<generation>).");
        }

        var lastColon = value.LastIndexOf(':');
        var endpoint = IPEndPoint.Parse(value[1..lastColon]);
        var generation = int.Parse(value[(lastColon + 1)..], CultureInfo.InvariantCulture);
        return new SiloAddress(endpoint, generation);
    }

    /// <inheritdoc/>
    public int CompareTo(SiloAddress? other)
    {
        if (other is null)
        {
            return 1;
        }

        var c = string.CompareOrdinal(Endpoint.ToString(), other.Endpoint.ToString());
        return c != 0 ? c : Generation.CompareTo(other.Generation);
    }

    /// <inheritdoc/>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"S{Endpoint}:{Generation}");
}
