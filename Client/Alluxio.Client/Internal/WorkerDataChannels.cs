using System.Collections.Concurrent;
using Alluxio.Grpc.Direct;

namespace Alluxio.Client.Internal;

/// <summary>
/// The channels to workers' data ports (<see cref="DirectChannel"/>, the project's own HTTP/2 client), where block
/// streams go when <see cref="FileSystemClientOptions.UseWorkerDataPort"/> is on. The worker's address comes from the
/// block master (a worker registers the address of its data port); when it cannot be reached, block streams use the
/// master connection (which serves BlockWorker too) and the address is asked again after <see cref="RetryAfter"/>.
/// Single worker per cluster for now: the block streams go to the registered worker (the one on the master's host
/// when there are several).
/// </summary>
internal sealed class WorkerDataChannels(FileSystemClientOptions options, Uri master) : IDisposable
{
    /// <summary>How long block streams stay on the master connection after the data port failed.</summary>
    public static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(10);

    private readonly ConcurrentDictionary<string, DirectChannel> _channels = new(StringComparer.OrdinalIgnoreCase);
    private readonly object _gate = new();
    private Task<string?>? _address;
    private DateTimeOffset _unusableUntil = DateTimeOffset.MinValue;

    /// <summary>The channel for block streams, or null to use the master connection.</summary>
    public async ValueTask<DirectChannel?> ForBlocksAsync(Func<Task<IReadOnlyList<Grains.Blocks.WorkerInfo>>> workers)
    {
        if (!options.UseWorkerDataPort || options.TimeProvider.GetUtcNow() < _unusableUntil)
            return null;
        Task<string?> address;
        lock (_gate)
            address = _address ??= ResolveAsync(workers);
        var resolved = await address;
        return resolved is null ? null : _channels.GetOrAdd(resolved, a => DirectChannel.ForAddress(new Uri($"{master.Scheme}://{a}"), new DirectChannelOptions
        {
            MaxReceiveMessageSize = options.MaxReceiveMessageSize,
            TimeProvider = options.TimeProvider,
        }));
    }

    /// <summary>The data port of <paramref name="channel"/> could not be reached: use the master connection for a while, then ask again.</summary>
    public void Failed(DirectChannel channel)
    {
        lock (_gate)
        {
            _address = null;
            _unusableUntil = options.TimeProvider.GetUtcNow() + RetryAfter;
        }

        foreach (var (address, known) in _channels)
        {
            if (ReferenceEquals(known, channel) && _channels.TryRemove(new KeyValuePair<string, DirectChannel>(address, channel)))
                channel.Dispose();
        }
    }

    public void Dispose()
    {
        foreach (var channel in _channels.Values)
            channel.Dispose();
        _channels.Clear();
    }

    private async Task<string?> ResolveAsync(Func<Task<IReadOnlyList<Grains.Blocks.WorkerInfo>>> workers)
    {
        try
        {
            var list = await workers();
            var chosen = list.Count == 1 ? list[0] : list.FirstOrDefault(w => string.Equals(HostOf(w.Address), master.Host, StringComparison.OrdinalIgnoreCase)) ?? list.FirstOrDefault();
            return chosen?.Address is { Length: > 0 } address ? address : null;
        }
        catch (Exception e) when (e is Grains.Exceptions.AlluxioException or TimeoutException or OperationCanceledException)
        {
            lock (_gate)
                _address = null; // ask again next time (the resolution is shared: it never fails its callers)
            return null;
        }
    }

    private static string HostOf(string address)
    {
        var colon = address.LastIndexOf(':');
        return colon > 0 ? address[..colon] : address;
    }
}
