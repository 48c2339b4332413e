namespace Alluxio.Runtime.Cluster;

/// <summary>
/// One message between silos as the transport sees it: addressing, a correlation id that pairs a response with its
/// request, and opaque header and body bytes (the messaging layer above the transport serializes calls into them).
/// </summary>
public sealed record SiloMessage(SiloAddress Sender, SiloAddress Target, long CorrelationId, SiloMessageDirection Direction, ReadOnlyMemory<byte> Header, ReadOnlyMemory<byte> Body);

/// <summary>What a <see cref="SiloMessage"/> is (persisted on the wire: never renumber).</summary>
public enum SiloMessageDirection
{
    /// <summary>A call expecting a response.</summary>
    Request = 0,

    /// <summary>The answer to a request with the same correlation id.</summary>
    Response = 1,

    /// <summary>A call without a response.</summary>
    OneWay = 2,
}
