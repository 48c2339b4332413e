namespace Alluxio.RocksDb;

/// <summary>
/// DB-wide options. A plain object: it is read once by <see cref="RocksDb.Open"/>, which builds and frees the native
/// options; changing it afterwards has no effect on an open DB. Not thread-safe while being configured. Properties
/// left null keep RocksDB's default. Statistics are never enabled.
/// </summary>
public sealed class RocksDbOptions
{
    /// <summary>Create the DB if the directory has none. Default false (as in RocksDB).</summary>
    public bool CreateIfMissing { get; set; }

    /// <summary>Create named column families that do not exist yet. Default false (as in RocksDB).</summary>
    public bool CreateMissingColumnFamilies { get; set; }

    /// <summary>Maximum concurrent flushes and compactions (RocksDB default 2).</summary>
    public int? MaxBackgroundJobs { get; set; }

    /// <summary>Maximum open table files; -1 keeps them all open (RocksDB default -1).</summary>
    public int? MaxOpenFiles { get; set; }

    /// <summary>Memtable size of the default column family, when it is not described by a <see cref="ColumnFamilyDescriptor"/>.</summary>
    public ulong? WriteBufferSize { get; set; }

    /// <summary>Check data aggressively and stop on corruption (RocksDB default true).</summary>
    public bool? ParanoidChecks { get; set; }

    /// <summary>Use fsync instead of fdatasync when syncing files. Default false.</summary>
    public bool UseFsync { get; set; }

    /// <summary>
    /// Total background threads for RocksDB's <c>IncreaseParallelism</c> (see <see cref="IncreaseParallelism"/>);
    /// settable for configuration binding.
    /// </summary>
    public int? Parallelism { get; set; }

    /// <summary>
    /// RocksDB's <c>IncreaseParallelism</c>: sizes the process-wide low-priority thread pool to
    /// <paramref name="totalThreads"/> and sets max background jobs accordingly (applied before
    /// <see cref="MaxBackgroundJobs"/>, which still wins if set).
    /// </summary>
    public RocksDbOptions IncreaseParallelism(int totalThreads)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(totalThreads);
        Parallelism = totalThreads;
        return this;
    }

    internal void Validate()
    {
        if (Parallelism is { } threads)
        {
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(threads, nameof(Parallelism));
        }

        if (MaxBackgroundJobs is { } jobs)
        {
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(jobs, nameof(MaxBackgroundJobs));
        }

        if (WriteBufferSize is 0)
        {
            throw new ArgumentOutOfRangeException(nameof(WriteBufferSize), "The write buffer size must be positive.");
        }
    }
}
