namespace Alluxio.Runtime.Cluster;

/// <summary>
/// Moves <see cref="SiloMessage"/>s between silos. Contract: at-most-once delivery (a message is never delivered
/// twice; it may be lost when a silo dies, and the caller's timeout covers that); messages from one silo to another
/// arrive in the order sent; <see cref="SendAsync"/> completes when the message is handed to the connection (with
/// back-pressure), not when it is processed, and throws <see cref="SiloUnavailableException"/> when the target cannot
/// be reached. Single silo: a loopback that only reaches itself; cluster: one HTTP/2 connection per silo pair.
/// </summary>
public interface ISiloTransport
{
    /// <summary>This silo.</summary>
    SiloAddress LocalSilo { get; }

    /// <summary>Sends a message to <see cref="SiloMessage.Target"/>.</summary>
    ValueTask SendAsync(SiloMessage message, CancellationToken cancellationToken = default);

    /// <summary>Sets the handler of messages addressed to this silo (once, before the silo joins the cluster).</summary>
    void SetReceiver(Func<SiloMessage, ValueTask> receiver);
}
