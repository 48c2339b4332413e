using System.Globalization;
using System.Threading.Channels;
using Alluxio.RocksDb;
using Microsoft.Extensions.Logging;

namespace Alluxio.Runtime.Storage.RocksDb;

/// <summary>
/// <see cref="IGrainStorage"/> in RocksDB, the embedded default. Writes and clears go through one committer thread
/// that checks ETags, gathers everything queued into one WriteBatch and writes it with fsync (group commit): a task
/// completes only after its batch is durable, and many concurrent writers share one fsync. Reads go straight to
/// RocksDB. Format: <see cref="GrainStateKeys"/>.
/// </summary>
public sealed partial class RocksDbGrainStorage : IGrainStorage, IDisposable
{
    private readonly Alluxio.RocksDb.RocksDb _db;
    private readonly bool _ownsDb;
    private readonly ColumnFamilyHandle _cf;
    private readonly IGrainStorageSerializer _serializer;
    private readonly ILogger _logger;
    private readonly RocksDbGrainStorageOptions _options;
    private readonly Channel<PendingStateWrite> _queue;
    private readonly Thread _committer;
    private readonly WriteOptions _writeOptions;
    private long _lastEtag;

    /// <summary>Opens (or creates) the store at <see cref="RocksDbGrainStorageOptions.Path"/>.</summary>
    public RocksDbGrainStorage(RocksDbGrainStorageOptions options, IGrainStorageSerializer serializer, ILogger<RocksDbGrainStorage> logger)
        : this(Open(options), ownsDb: true, options, serializer, logger)
    {
    }

    /// <summary>Uses the grain-state column family of an already open database (shared with the metadata store).</summary>
    public RocksDbGrainStorage(Alluxio.RocksDb.RocksDb db, bool ownsDb, RocksDbGrainStorageOptions options, IGrainStorageSerializer serializer, ILogger logger)
    {
        _db = db;
        _ownsDb = ownsDb;
        _options = options;
        _serializer = serializer;
        _logger = logger;
        _cf = db.TryGetColumnFamily(GrainStateKeys.ColumnFamily, out var cf)
            ? cf
            : db.CreateColumnFamily(GrainStateKeys.ColumnFamily, new ColumnFamilyOptions());
        var highWater = db.Get(GrainStateKeys.EtagHighWaterKey, _cf);
        _lastEtag = highWater is null ? 0 : BitConverter.ToInt64(highWater);
        _writeOptions = options.SyncWrites ? WriteOptions.Synced : WriteOptions.Default;
        _queue = Channel.CreateBounded<PendingStateWrite>(new BoundedChannelOptions(options.QueueCapacity)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
        _committer = new Thread(CommitLoop) { IsBackground = true, Name = "grain-state committer" };
        _committer.Start();
    }

    /// <inheritdoc/>
    public Task ReadStateAsync<TState>(string stateName, GrainId grainId, IGrainState<TState> grainState)
    {
        var value = _db.Get(GrainStateKeys.RecordKey(stateName, grainId), _cf);
        if (value is null)
        {
            grainState.ETag = null;
            grainState.RecordExists = false;
            return Task.CompletedTask;
        }

        var etag = GrainStateKeys.ReadEtag(value);
        grainState.State = _serializer.Deserialize<TState>(value.AsSpan(GrainStateKeys.HeaderSize));
        grainState.ETag = Format(etag);
        grainState.RecordExists = true;
        return Task.CompletedTask;
    }

    /// <inheritdoc/>
    public async Task WriteStateAsync<TState>(string stateName, GrainId grainId, IGrainState<TState> grainState)
    {
        var payload = _serializer.Serialize(grainState.State);
        var etag = await Enqueue(new PendingStateWrite(GrainStateKeys.RecordKey(stateName, grainId), payload, grainState.ETag, $"write state '{stateName}' of {grainId}"));
        grainState.ETag = Format(etag);
        grainState.RecordExists = true;
    }

    /// <inheritdoc/>
    public async Task ClearStateAsync<TState>(string stateName, GrainId grainId, IGrainState<TState> grainState)
    {
        await Enqueue(new PendingStateWrite(GrainStateKeys.RecordKey(stateName, grainId), null, grainState.ETag, $"clear state '{stateName}' of {grainId}"));
        grainState.ETag = null;
        grainState.RecordExists = false;
    }

    private async Task<long> Enqueue(PendingStateWrite write)
    {
        try
        {
            await _queue.Writer.WriteAsync(write);
        }
        catch (ChannelClosedException)
        {
            throw new ObjectDisposedException(nameof(RocksDbGrainStorage), "The grain storage is closed.");
        }

        return await write.Done.Task;
    }

    private void CommitLoop()
    {
        var reader = _queue.Reader;
        var batchItems = new List<PendingStateWrite>(_options.MaxBatchSize);
        var accepted = new List<(PendingStateWrite Write, long Etag)>(_options.MaxBatchSize);
        var inBatch = new Dictionary<byte[], long>(ByteArrayComparer.Instance);
        using var batch = new WriteBatch();
        while (reader.WaitToReadAsync().AsTask().GetAwaiter().GetResult())
        {
            batchItems.Clear();
            while (batchItems.Count < _options.MaxBatchSize && reader.TryRead(out var item))
            {
                batchItems.Add(item);
            }

            accepted.Clear();
            inBatch.Clear();
            batch.Clear();
            foreach (var write in batchItems)
            {
                long stored;
                try
                {
                    stored = inBatch.TryGetValue(write.Key, out var pending) ? pending : ReadStoredEtag(write.Key);
                }
                catch (Exception e)
                {
                    write.Done.TrySetException(e);
                    continue;
                }

                var storedText = stored == 0 ? null : Format(stored);
                if (!string.Equals(storedText, write.ExpectedEtag, StringComparison.Ordinal))
                {
                    write.Done.TrySetException(new InconsistentStateException(
                        $"Cannot {write.Description}: it was changed by someone else.", storedText, write.ExpectedEtag));
                    continue;
                }

                if (write.Payload is null)
                {
                    batch.Delete(write.Key, _cf);
                    inBatch[write.Key] = 0;
                    accepted.Add((write, 0));
                }
                else
                {
                    var etag = ++_lastEtag;
                    batch.Put(write.Key, GrainStateKeys.RecordValue(etag, write.Payload), _cf);
                    inBatch[write.Key] = etag;
                    accepted.Add((write, etag));
                }
            }

            if (accepted.Count == 0)
            {
                continue;
            }

            try
            {
                batch.Put(GrainStateKeys.EtagHighWaterKey, BitConverter.GetBytes(_lastEtag), _cf);
                _db.Write(batch, _writeOptions);
            }
            catch (Exception e)
            {
                LogCommitFailed(e, accepted.Count);
                foreach (var (write, _) in accepted)
                {
                    write.Done.TrySetException(e);
                }

                continue;
            }

            foreach (var (write, etag) in accepted)
            {
                write.Done.TrySetResult(etag);
            }
        }
    }

    private long ReadStoredEtag(byte[] key)
    {
        var value = _db.Get(key, _cf);
        return value is null ? 0 : GrainStateKeys.ReadEtag(value);
    }

    private static string Format(long etag) => etag.ToString(CultureInfo.InvariantCulture);

    /// <summary>Stops accepting writes, commits what is queued, and closes the database if this provider opened it.</summary>
    public void Dispose()
    {
        _queue.Writer.TryComplete();
        _committer.Join();
        if (_ownsDb)
        {
            _db.Dispose();
        }
    }

    private static Alluxio.RocksDb.RocksDb Open(RocksDbGrainStorageOptions options)
    {
        var problems = options.Validate().ToList();
        if (problems.Count > 0)
        {
            throw new ArgumentException(string.Join(" ", problems), nameof(options));
        }

        Directory.CreateDirectory(options.Path);
        return Alluxio.RocksDb.RocksDb.Open(
            options.Path,
            new RocksDbOptions { CreateIfMissing = true, CreateMissingColumnFamilies = true },
            [new ColumnFamilyDescriptor(GrainStateKeys.ColumnFamily, new ColumnFamilyOptions())]);
    }

    [LoggerMessage(3001, LogLevel.Error, "Committing {Count} grain state writes failed")]
    private partial void LogCommitFailed(Exception exception, int count);
}
