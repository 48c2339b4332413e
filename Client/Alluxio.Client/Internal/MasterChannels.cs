using Alluxio.Grpc;

namespace Alluxio.Client.Internal;

/// <summary>
/// One channel per configured master address (no I/O until used) and which of them the client talks to now. A call
/// that finds its master unavailable moves the client on to the next address (<see cref="Failover"/>), so a list of
/// masters survives the loss of any one of them. Thread-safe: the current index only moves by compare-and-swap from the
/// index the failing call used, so concurrent failures of one master advance the client once, not once per call.
/// </summary>
internal sealed class MasterChannels : IDisposable
{
    private readonly GrpcChannel[] _channels;
    private int _current;

    public MasterChannels(IReadOnlyList<string> addresses, GrpcChannelOptions options)
    {
        if (addresses.Count == 0)
        {
            throw new ArgumentException("At least one master address is needed.", nameof(addresses));
        }

        _channels = [.. addresses.Select(a => GrpcChannel.ForAddress(Normalize(a), options))];
    }

    /// <summary>How many master addresses there are.</summary>
    public int Count => _channels.Length;

    /// <summary>The index of the master calls go to now.</summary>
    public int CurrentIndex => Volatile.Read(ref _current);

    /// <summary>The channel of the master calls go to now.</summary>
    public GrpcChannel Current => _channels[CurrentIndex];

    /// <summary>The channel at <paramref name="index"/>.</summary>
    public GrpcChannel this[int index] => _channels[index];

    /// <summary>Moves on from master <paramref name="failedIndex"/> to the next one (no-op if another call already did).</summary>
    public void Failover(int failedIndex)
    {
        if (_channels.Length > 1)
        {
            Interlocked.CompareExchange(ref _current, (failedIndex + 1) % _channels.Length, failedIndex);
        }
    }

    /// <summary>"host:port" or a URI ("http://host:port", "https://host:port") as a URI.</summary>
    public static string Normalize(string address)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(address);
        address = address.Trim();
        return address.Contains("://", StringComparison.Ordinal) ? address : "http://" + address;
    }

    public void Dispose()
    {
        foreach (var channel in _channels)
        {
            channel.Dispose();
        }
    }
}
