namespace Alluxio.Ufs.Local;

/// <summary>Settings of <see cref="LocalUnderFileSystem"/> (immutable; validated by <see cref="Validate"/>).</summary>
public sealed record LocalUnderFileSystemOptions
{
    /// <summary>The mount property that sets <see cref="AllowSetOwnerFailure"/> (Alluxio's name).</summary>
    public const string AllowSetOwnerFailureProperty = "alluxio.underfs.allow.set.owner.failure";

    /// <summary>The defaults.</summary>
    public static LocalUnderFileSystemOptions Default { get; } = new();

    /// <summary>
    /// When true, a refused owner or group change (EPERM, typically because the process is not root) is ignored —
    /// by <see cref="IUnderFileSystem.SetOwnerAsync"/> and by creates that ask for an owner — instead of failing
    /// with <see cref="UfsPermissionException"/>. Alluxio's <c>alluxio.underfs.allow.set.owner.failure</c>; default false.
    /// </summary>
    public bool AllowSetOwnerFailure { get; init; }

    /// <summary>
    /// Bytes a write accumulates before it asks the kernel to start writing them to the device
    /// (<c>sync_file_range</c> WRITE, without waiting; RocksDB's <c>bytes_per_sync</c>), so the fsync that commits the
    /// file waits only for the last of them instead of the whole file. 0 = leave it all to the commit. Default 8 MiB.
    /// </summary>
    public long WritebackBytes { get; init; } = 8 << 20;

    /// <summary>How long a watcher collects notifications after the first one before delivering them as one batch.</summary>
    public TimeSpan WatchBatchWindow { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>The most changes in one batch.</summary>
    public int WatchMaxBatchSize { get; init; } = 1000;

    /// <summary>How many raw notifications a watcher buffers before it drops them and reports a rescan.</summary>
    public int WatchQueueCapacity { get; init; } = 16_384;

    /// <summary>How many undelivered batches a watcher holds for a slow consumer before its raw queue backs up.</summary>
    public int WatchBatchCapacity { get; init; } = 64;

    /// <summary>The clock used for batching delays (a fake one in tests).</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>Throws when a value is out of range.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A window is not positive or a capacity is below 1.</exception>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfNegative(WritebackBytes, nameof(WritebackBytes));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(WatchBatchWindow, TimeSpan.Zero, nameof(WatchBatchWindow));
        ArgumentOutOfRangeException.ThrowIfLessThan(WatchMaxBatchSize, 1, nameof(WatchMaxBatchSize));
        ArgumentOutOfRangeException.ThrowIfLessThan(WatchQueueCapacity, 1, nameof(WatchQueueCapacity));
        ArgumentOutOfRangeException.ThrowIfLessThan(WatchBatchCapacity, 1, nameof(WatchBatchCapacity));
        ArgumentNullException.ThrowIfNull(TimeProvider);
    }

    /// <summary>Options from mount properties (unknown keys are ignored, as Alluxio ignores unknown mount options).</summary>
    /// <exception cref="UfsException">A known property has an invalid value.</exception>
    public static LocalUnderFileSystemOptions FromProperties(IReadOnlyDictionary<string, string> properties)
    {
        ArgumentNullException.ThrowIfNull(properties);
        var options = Default;
        if (properties.TryGetValue(AllowSetOwnerFailureProperty, out var text))
        {
            options = bool.TryParse(text, out var allow)
                ? options with { AllowSetOwnerFailure = allow }
                : throw new UfsException($"Mount property {AllowSetOwnerFailureProperty}='{text}' is not true or false.");
        }

        return options;
    }
}
