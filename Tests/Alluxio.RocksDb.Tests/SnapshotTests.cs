namespace Alluxio.RocksDb.Tests;

public sealed class SnapshotTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Snapshot_IsolatesReadsFromLaterWrites()
    {
        using var db = TestDb.Open(_dir.Path);
        db.Put(Bytes.Of("k"), Bytes.Of("v1"));
        using var snapshot = db.CreateSnapshot();
        db.Put(Bytes.Of("k"), Bytes.Of("v2"));
        db.Put(Bytes.Of("new"), Bytes.Of("x"));
        db.Flush(); // a flush must not drop the versions the snapshot sees
        db.CompactRange(null, null, null);

        using var options = new ReadOptions { Snapshot = snapshot };
        Assert.Same(snapshot, options.Snapshot);
        Assert.Equal("v1", Bytes.Text(db.Get(Bytes.Of("k"), options: options)));
        Assert.Null(db.Get(Bytes.Of("new"), options: options));
        Assert.Equal("v2", Bytes.Text(db.Get(Bytes.Of("k"))));

        options.Snapshot = null;
        Assert.Equal("v2", Bytes.Text(db.Get(Bytes.Of("k"), options: options)));
    }

    [Fact]
    public void ReadOptions_KeepTheSnapshotAliveAfterItIsDisposed()
    {
        using var db = TestDb.Open(_dir.Path);
        db.Put(Bytes.Of("k"), Bytes.Of("v1"));
        using var options = new ReadOptions();
        using (var snapshot = db.CreateSnapshot())
        {
            options.Snapshot = snapshot;
        }

        db.Put(Bytes.Of("k"), Bytes.Of("v2"));
        Assert.Equal("v1", Bytes.Text(db.Get(Bytes.Of("k"), options: options)));
    }

    [Fact]
    public void SnapshotOfAnotherDb_IsRejected()
    {
        using var db1 = TestDb.Open(_dir.Sub("one"));
        using var db2 = TestDb.Open(_dir.Sub("two"));
        using var snapshot = db2.CreateSnapshot();
        using var options = new ReadOptions { Snapshot = snapshot };
        Assert.Throws<ArgumentException>(() => db1.Get(Bytes.Of("k"), options: options));
        Assert.Throws<ArgumentException>(() => db1.ScanPrefix(Bytes.Of("k"), snapshot: snapshot));
    }

    [Fact]
    public void DisposedSnapshot_CannotBeAttached()
    {
        using var db = TestDb.Open(_dir.Path);
        var snapshot = db.CreateSnapshot();
        snapshot.Dispose();
        snapshot.Dispose();
        using var options = new ReadOptions();
        Assert.Throws<ObjectDisposedException>(() => options.Snapshot = snapshot);
    }
}
