using Alluxio.Tiers.Format;

namespace Alluxio.Tiers.Store;

/// <summary>A committed block in the index. Every mutable field is guarded by the store's lock.</summary>
internal sealed class BlockEntry(long id, StorageDirectory directory, BlockChecksums checksums)
{
    private TaskCompletionSource? _changed;

    public long Id { get; } = id;

    public StorageDirectory Directory { get; set; } = directory;

    public BlockChecksums Checksums { get; } = checksums;

    public long Length => Checksums.Length;

    public BlockState State { get; set; }

    /// <summary>
    /// Every chunk of the data file has matched its CRC32C since the block was committed, recovered or last moved (set by
    /// a reader that checked them all; cleared by a move, whose target is a new file).
    /// </summary>
    public volatile bool Checked;

    /// <summary>Open readers (leases).</summary>
    public int Readers { get; set; }

    /// <summary>The store clock's value at the last access (LRU) — and the base time of <see cref="Crf"/> (LRFU).</summary>
    public long LastAccess { get; set; }

    /// <summary>LRFU's combined recency and frequency at <see cref="LastAccess"/>.</summary>
    public double Crf { get; set; }

    /// <summary>A task completed at the next change of <see cref="State"/> or when the last reader leaves.</summary>
    public Task Changed => (_changed ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task;

    /// <summary>Wakes whoever waits on <see cref="Changed"/> (call with the lock held).</summary>
    public void SignalChanged()
    {
        _changed?.TrySetResult();
        _changed = null;
    }
}
