namespace Alluxio.RocksDb.Tests;

public sealed class BatchTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Batch_IsAppliedAtomically_SnapshotBeforeSeesNoneAfterSeesAll()
    {
        using var db = TestDb.Open(_dir.Path, TestDb.Cf("meta"));
        var meta = db.GetColumnFamily("meta");
        db.Put(Bytes.Of("doomed"), Bytes.Of("old"));

        using var before = db.CreateSnapshot();
        using (var batch = new WriteBatch())
        {
            for (var i = 0; i < 100; i++)
            {
                batch.Put(Bytes.Of($"k{i:D3}"), Bytes.Of($"v{i}"));
            }

            batch.Put(Bytes.Of("inode"), Bytes.Of("1"), meta).Delete(Bytes.Of("doomed"));
            Assert.Equal(102, batch.Count);
            db.Write(batch, WriteOptions.Synced);
        }

        using var after = db.CreateSnapshot();
        using var readBefore = new ReadOptions { Snapshot = before };
        using var readAfter = new ReadOptions { Snapshot = after };
        for (var i = 0; i < 100; i++)
        {
            Assert.Null(db.Get(Bytes.Of($"k{i:D3}"), options: readBefore));
            Assert.Equal($"v{i}", Bytes.Text(db.Get(Bytes.Of($"k{i:D3}"), options: readAfter)));
        }

        Assert.Null(db.Get(Bytes.Of("inode"), meta, readBefore));
        Assert.Equal("1", Bytes.Text(db.Get(Bytes.Of("inode"), meta, readAfter)));
        Assert.Equal("old", Bytes.Text(db.Get(Bytes.Of("doomed"), options: readBefore)));
        Assert.Null(db.Get(Bytes.Of("doomed"), options: readAfter));
        Assert.Empty(db.ScanPrefix(Bytes.Of("k"), snapshot: before));
        Assert.Equal(100, db.ScanPrefix(Bytes.Of("k"), snapshot: after).Count());
    }

    [Fact]
    public void Batch_NamingAColumnFamilyOfAnotherDb_IsRefusedBeforeAnythingIsWritten()
    {
        // RocksDB itself would apply "first" and then fail on the unknown column-family id (not atomic).
        using var other = TestDb.Open(_dir.Sub("other"), TestDb.Cf("a"), TestDb.Cf("b"), TestDb.Cf("c"));
        using var db = TestDb.Open(_dir.Sub("db"), TestDb.Cf("mine"));
        var sequence = db.LatestSequenceNumber;
        using var batch = new WriteBatch();
        batch.Put(Bytes.Of("first"), Bytes.Of("1"));
        batch.Put(Bytes.Of("second"), Bytes.Of("2"), other.GetColumnFamily("c"));

        Assert.Throws<ArgumentException>(() => db.Write(batch));
        Assert.Throws<ArgumentException>(() => batch.Put(Bytes.Of("third"), Bytes.Of("3"), db.GetColumnFamily("mine")));
        Assert.Null(db.Get(Bytes.Of("first")));
        Assert.Equal(sequence, db.LatestSequenceNumber);

        batch.Clear(); // forgets the column families too
        db.Write(batch.Put(Bytes.Of("third"), Bytes.Of("3"), db.GetColumnFamily("mine")));
        Assert.Equal("3", Bytes.Text(db.Get(Bytes.Of("third"), db.GetColumnFamily("mine"))));
    }

    [Fact]
    public void Batch_NamingADroppedColumnFamily_IsRefusedBeforeAnythingIsWritten()
    {
        using var db = TestDb.Open(_dir.Path, TestDb.Cf("doomed"));
        using var batch = new WriteBatch();
        batch.Put(Bytes.Of("first"), Bytes.Of("1"));
        batch.Put(Bytes.Of("second"), Bytes.Of("2"), db.GetColumnFamily("doomed"));
        db.DropColumnFamily("doomed");

        Assert.Throws<ObjectDisposedException>(() => db.Write(batch));
        Assert.Null(db.Get(Bytes.Of("first")));
    }

    [Fact]
    public void Batch_DeleteRange_ClearAndReuse()
    {
        using var db = TestDb.Open(_dir.Path, TestDb.Cf("cf"));
        var cf = db.GetColumnFamily("cf");
        using var batch = new WriteBatch();
        for (var i = 0; i < 10; i++)
        {
            batch.Put(Bytes.Of($"k{i}"), Bytes.Of("v"), cf);
        }

        db.Write(batch);
        batch.Clear();
        Assert.Equal(0, batch.Count);

        batch.DeleteRange(Bytes.Of("k2"), Bytes.Of("k5"), cf).Delete(Bytes.Of("k9"), cf).Put(Bytes.Of("new"), Bytes.Of("n"));
        db.Write(batch);

        Assert.Equal(
            ["k0", "k1", "k5", "k6", "k7", "k8"],
            db.ScanPrefix(Bytes.Of("k"), cf).Select(kv => Bytes.Text(kv.Key)));
        Assert.Equal("n", Bytes.Text(db.Get(Bytes.Of("new"))));
    }

    [Fact]
    public void EmptyBatch_IsANoOp()
    {
        using var db = TestDb.Open(_dir.Path);
        using var batch = new WriteBatch();
        db.Write(batch);
        Assert.Equal(0, batch.Count);
    }
}
