using System.Globalization;

namespace Alluxio.RocksDb.Tests;

public sealed class MaintenanceTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Checkpoint_CanBeOpenedAndRead()
    {
        var checkpoint = _dir.Sub("checkpoint");
        using (var db = TestDb.Open(_dir.Sub("db"), TestDb.Cf("meta")))
        {
            db.Put(Bytes.Of("flushed"), Bytes.Of("1"));
            db.Flush();
            db.Put(Bytes.Of("in-memtable"), Bytes.Of("2"), db.GetColumnFamily("meta"));
            db.CreateCheckpoint(checkpoint);
            db.Put(Bytes.Of("after"), Bytes.Of("3"));

            var exists = Assert.Throws<RocksDbException>(() => db.CreateCheckpoint(checkpoint));
            Assert.Contains("exists", exists.Message, StringComparison.OrdinalIgnoreCase);
        }

        using var copy = RocksDb.Open(checkpoint, new RocksDbOptions());
        Assert.Equal("1", Bytes.Text(copy.Get(Bytes.Of("flushed"))));
        Assert.Equal("2", Bytes.Text(copy.Get(Bytes.Of("in-memtable"), copy.GetColumnFamily("meta"))));
        Assert.Null(copy.Get(Bytes.Of("after")));
    }

    [Fact]
    public void FlushAndCompact_Run_AndPropertiesReflectThem()
    {
        using var db = TestDb.Open(_dir.Path, TestDb.Cf("cf"));
        var cf = db.GetColumnFamily("cf");
        for (var i = 0; i < 500; i++)
        {
            db.Put(Bytes.Of($"k{i:D4}"), Bytes.Of("value"));
            db.Put(Bytes.Of($"k{i:D4}"), Bytes.Of("value"), cf);
        }

        db.Flush();
        db.Flush(cf, wait: true);
        db.FlushWal(sync: true);
        Assert.Equal("1", db.GetProperty("rocksdb.num-files-at-level0"));

        for (var i = 0; i < 500; i++)
        {
            db.Put(Bytes.Of($"k{i:D4}"), Bytes.Of("value2"));
        }

        db.Flush();
        db.CompactRange(null, null, null);
        db.CompactRange(cf, Bytes.Of("k0100"), Bytes.Of("k0200"));
        db.CompactRange(null, null, []);
        Assert.Equal("0", db.GetProperty("rocksdb.num-files-at-level0"));
        Assert.Equal("value2", Bytes.Text(db.Get(Bytes.Of("k0499"))));

        var estimate = ulong.Parse(db.GetProperty("rocksdb.estimate-num-keys")!, CultureInfo.InvariantCulture);
        Assert.InRange(estimate, 400UL, 1000UL);
        var cfEstimate = ulong.Parse(db.GetProperty("rocksdb.estimate-num-keys", cf)!, CultureInfo.InvariantCulture);
        Assert.InRange(cfEstimate, 400UL, 600UL);
        Assert.Contains("Compaction Stats", db.GetProperty("rocksdb.stats"));
        Assert.Null(db.GetProperty("rocksdb.no-such-property"));
    }

    [Fact]
    public void LatestSequenceNumber_CountsWrites()
    {
        using var db = TestDb.Open(_dir.Path);
        var start = db.LatestSequenceNumber;
        db.Put(Bytes.Of("a"), Bytes.Of("1"));
        using (var batch = new WriteBatch())
        {
            db.Write(batch.Put(Bytes.Of("b"), Bytes.Of("2")).Put(Bytes.Of("c"), Bytes.Of("3")));
        }

        Assert.Equal(start + 3, db.LatestSequenceNumber);
    }

    [Fact]
    public void FlushWithoutWaiting_Completes()
    {
        using var db = TestDb.Open(_dir.Path);
        db.Put(Bytes.Of("a"), Bytes.Of("1"));
        db.Flush(wait: false);
        db.Flush(wait: true); // waits for the earlier one too
        Assert.Equal("1", Bytes.Text(db.Get(Bytes.Of("a"))));
    }
}
