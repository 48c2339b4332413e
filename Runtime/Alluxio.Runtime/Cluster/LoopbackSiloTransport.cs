namespace Alluxio.Runtime.Cluster;

/// <summary>
/// <see cref="ISiloTransport"/> for a single silo: a message to this silo goes straight to the receiver; any other
/// target is unreachable.
/// </summary>
public sealed class LoopbackSiloTransport(ILocalSiloDetails silo) : ISiloTransport
{
    private Func<SiloMessage, ValueTask>? _receiver;

    /// <inheritdoc/>
    public SiloAddress LocalSilo => silo.SiloAddress;

    /// <inheritdoc/>
    public ValueTask SendAsync(SiloMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        cancellationToken.ThrowIfCancellationRequested();
        if (!message.Target.Equals(silo.SiloAddress))
        {
            throw new SiloUnavailableException($"Silo {message.Target} is unreachable: this is a single silo ({silo.SiloAddress}) without a transport to others.");
        }

        var receiver = Volatile.Read(ref _receiver)
            ?? throw new SiloUnavailableException($"Silo {silo.SiloAddress} is not accepting messages yet.");
        return receiver(message);
    }

    /// <inheritdoc/>
    public void SetReceiver(Func<SiloMessage, ValueTask> receiver)
    {
        ArgumentNullException.ThrowIfNull(receiver);
        if (Interlocked.CompareExchange(ref _receiver, receiver, null) is not null)
        {
            throw new InvalidOperationException("The transport's receiver is already set.");
        }
    }
}
