namespace Alluxio.Runtime.Configuration;

/// <summary>Grain call options (Orleans' names and defaults).</summary>
public sealed class SiloMessagingOptions
{
    /// <summary>How long a caller waits for a grain call before it fails with <see cref="TimeoutException"/> (default 30 s).
    /// <see cref="ResponseTimeoutAttribute"/> overrides it per method.</summary>
    public TimeSpan ResponseTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often pending calls are checked against their deadline (default 100 ms): the timeout's precision.</summary>
    public TimeSpan ResponseTimeoutCheckPeriod { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>Most items one activation runs before yielding its thread to other activations (default 256).</summary>
    public int MaxItemsPerTurnBatch { get; set; } = 256;

    /// <summary>Most items a grain's IAsyncEnumerable result moves per round trip (default 128).</summary>
    public int AsyncEnumerableBatchSize { get; set; } = 128;

    /// <summary>Checks the values; returns the problems found.</summary>
    public IEnumerable<string> Validate()
    {
        if (ResponseTimeout <= TimeSpan.Zero && ResponseTimeout != Timeout.InfiniteTimeSpan)
        {
            yield return $"ResponseTimeout must be positive (was {ResponseTimeout}).";
        }

        if (ResponseTimeoutCheckPeriod <= TimeSpan.Zero)
        {
            yield return $"ResponseTimeoutCheckPeriod must be positive (was {ResponseTimeoutCheckPeriod}).";
        }

        if (MaxItemsPerTurnBatch < 1)
        {
            yield return $"MaxItemsPerTurnBatch must be at least 1 (was {MaxItemsPerTurnBatch}).";
        }

        if (AsyncEnumerableBatchSize < 1)
        {
            yield return $"AsyncEnumerableBatchSize must be at least 1 (was {AsyncEnumerableBatchSize}).";
        }
    }
}
