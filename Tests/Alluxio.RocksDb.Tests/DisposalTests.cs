using System.Buffers;

namespace Alluxio.RocksDb.Tests;

public sealed class DisposalTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void UseAfterDispose_Db_ThrowsObjectDisposed()
    {
        var db = TestDb.Open(_dir.Path, TestDb.Cf("cf"));
        var cf = db.GetColumnFamily("cf");
        db.Dispose();
        db.Dispose();

        Assert.True(cf.IsDisposed);
        Assert.Throws<ObjectDisposedException>(() => db.Get(Bytes.Of("k")));
        Assert.Throws<ObjectDisposedException>(() => db.TryGet(Bytes.Of("k"), new ArrayBufferWriter<byte>()));
        Assert.Throws<ObjectDisposedException>(() => db.Put(Bytes.Of("k"), Bytes.Of("v")));
        Assert.Throws<ObjectDisposedException>(() => db.Delete(Bytes.Of("k")));
        Assert.Throws<ObjectDisposedException>(() => db.NewIterator());
        Assert.Throws<ObjectDisposedException>(() => db.CreateSnapshot());
        Assert.Throws<ObjectDisposedException>(() => db.GetColumnFamily("cf"));
        Assert.Throws<ObjectDisposedException>(() => db.CreateColumnFamily("x", new ColumnFamilyOptions()));
        Assert.Throws<ObjectDisposedException>(() => db.Flush());
        Assert.Throws<ObjectDisposedException>(() => db.GetProperty("rocksdb.stats"));
        Assert.Throws<ObjectDisposedException>(() => db.LatestSequenceNumber);
        Assert.Throws<ObjectDisposedException>(() => db.ScanPrefix(Bytes.Of("k")));
        using var batch = new WriteBatch();
        Assert.Throws<ObjectDisposedException>(() => db.Write(batch));
        Assert.Throws<ObjectDisposedException>(() => batch.Put(Bytes.Of("k"), Bytes.Of("v"), cf));
    }

    [Fact]
    public void UseAfterDispose_IteratorBatchAndReadOptions_ThrowObjectDisposed()
    {
        using var db = TestDb.Open(_dir.Path);
        db.Put(Bytes.Of("k"), Bytes.Of("v"));

        var iterator = db.NewIterator();
        iterator.SeekToFirst();
        Assert.True(iterator.Valid);
        iterator.Dispose();
        iterator.Dispose();
        Assert.Throws<ObjectDisposedException>(() => iterator.Valid);
        Assert.Throws<ObjectDisposedException>(() => iterator.Key().Length);
        Assert.Throws<ObjectDisposedException>(iterator.SeekToFirst);
        Assert.Throws<ObjectDisposedException>(iterator.Next);

        var batch = new WriteBatch();
        batch.Put(Bytes.Of("a"), Bytes.Of("b"));
        batch.Dispose();
        Assert.Throws<ObjectDisposedException>(() => batch.Put(Bytes.Of("a"), Bytes.Of("b")));
        Assert.Throws<ObjectDisposedException>(() => batch.Count);
        Assert.Throws<ObjectDisposedException>(batch.Clear);
        Assert.Throws<ObjectDisposedException>(() => db.Write(batch));

        var options = new ReadOptions();
        options.Dispose();
        Assert.Throws<ObjectDisposedException>(() => options.FillCache = false);
        Assert.Throws<ObjectDisposedException>(() => db.Get(Bytes.Of("k"), options: options));
    }

    [Fact]
    public void IteratorsAndSnapshots_KeepTheDbOpenUntilDisposed()
    {
        var db = TestDb.Open(_dir.Path, TestDb.Cf("cf"));
        var cf = db.GetColumnFamily("cf");
        db.Put(Bytes.Of("a"), Bytes.Of("1"), cf);
        var snapshot = db.CreateSnapshot();
        var iterator = db.NewIterator(cf);
        db.Dispose();

        // The DB object is unusable, but the iterator still reads from the natively open DB ...
        iterator.SeekToFirst();
        Assert.Equal("1", Bytes.Text(iterator.Value()));
        // ... which still holds its lock.
        Assert.Contains("lock", Assert.Throws<RocksDbException>(() => TestDb.Open(_dir.Path)).Message, StringComparison.OrdinalIgnoreCase);

        iterator.Dispose();
        Assert.Throws<RocksDbException>(() => TestDb.Open(_dir.Path));
        snapshot.Dispose(); // the last reference: the native close runs now

        using var reopened = TestDb.Open(_dir.Path, TestDb.Cf("cf"));
        Assert.Equal("1", Bytes.Text(reopened.Get(Bytes.Of("a"), reopened.GetColumnFamily("cf"))));
    }

    [Fact]
    public void ConcurrentReadsAndWrites_WhileTheDbIsDisposed_NeverCrash()
    {
        var db = TestDb.Open(_dir.Path, TestDb.Cf("cf"));
        var cf = db.GetColumnFamily("cf");
        const int threads = 8;
        const int warmUpOps = 200;
        using var warmedUp = new CountdownEvent(threads);
        var failures = new System.Collections.Concurrent.ConcurrentQueue<Exception>();
        var disposedSeen = 0;
        var succeeded = 0L;

        var workers = Enumerable.Range(0, threads).Select(t => new Thread(() =>
        {
            var buffer = new ArrayBufferWriter<byte>();
            var key = new byte[8];
            var value = new byte[128];
            for (var i = 0; ; i++)
            {
                BitConverter.TryWriteBytes(key, (t * 1_000_000) + (i % 1000));
                try
                {
                    switch (i % 6)
                    {
                        case 0: db.Put(key, value); break;
                        case 1: db.Get(key); break;
                        case 2: db.Put(key, value, cf); break;
                        case 3: db.TryGet(key, buffer, cf); buffer.Clear(); break;
                        case 4:
                            using (var batch = new WriteBatch())
                            {
                                db.Write(batch.Put(key, value).Delete(key, cf));
                            }

                            break;
                        default:
                            using (var iterator = db.NewIterator(cf))
                            {
                                iterator.Seek(key);
                                if (iterator.Valid)
                                {
                                    _ = iterator.Key().Length + iterator.Value().Length;
                                }
                            }

                            break;
                    }

                    Interlocked.Increment(ref succeeded);
                }
                catch (ObjectDisposedException)
                {
                    Interlocked.Increment(ref disposedSeen);
                    return;
                }
                catch (Exception e)
                {
                    failures.Enqueue(e);
                    return;
                }
                finally
                {
                    if (i == warmUpOps)
                    {
                        warmedUp.Signal();
                    }
                }
            }
        })).ToList();

        workers.ForEach(w => w.Start());
        Assert.True(warmedUp.Wait(TimeSpan.FromSeconds(60)), "workers did not complete their warm-up operations");
        db.Dispose();
        foreach (var worker in workers)
        {
            Assert.True(worker.Join(TimeSpan.FromSeconds(60)), "a worker did not stop after the DB was disposed");
        }

        Assert.Empty(failures);
        Assert.Equal(threads, disposedSeen);
        Assert.True(succeeded >= threads * warmUpOps);

        // Every in-flight call has returned, so the DB is closed and its lock released.
        using var reopened = TestDb.Open(_dir.Path, TestDb.Cf("cf"));
    }
}
