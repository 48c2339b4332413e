namespace Alluxio.RocksDb.Tests;

public sealed class IteratorTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Iterates_InKeyOrder_ForwardAndBackward()
    {
        using var db = TestDb.Open(_dir.Path);
        foreach (var key in new[] { "c", "a", "e", "b", "d" })
        {
            db.Put(Bytes.Of(key), Bytes.Of(key.ToUpperInvariant()));
        }

        using var iterator = db.NewIterator();
        Assert.False(iterator.Valid);
        var forward = new List<string>();
        for (iterator.SeekToFirst(); iterator.Valid; iterator.Next())
        {
            forward.Add(Bytes.Text(iterator.Key()) + Bytes.Text(iterator.Value()));
        }

        var backward = new List<string>();
        for (iterator.SeekToLast(); iterator.Valid; iterator.Prev())
        {
            backward.Add(Bytes.Text(iterator.KeyArray()) + Bytes.Text(iterator.ValueArray()));
        }

        Assert.Equal(["aA", "bB", "cC", "dD", "eE"], forward);
        Assert.Equal(["eE", "dD", "cC", "bB", "aA"], backward);
        Assert.Throws<InvalidOperationException>(() => iterator.Key().Length);
        Assert.Throws<InvalidOperationException>(iterator.Next);
    }

    [Fact]
    public void Seek_AndSeekForPrev_LandOnTheNearestKeys()
    {
        using var db = TestDb.Open(_dir.Path);
        foreach (var key in new[] { "b10", "b20", "b30" })
        {
            db.Put(Bytes.Of(key), Bytes.Of("v"));
        }

        using var iterator = db.NewIterator();
        iterator.Seek(Bytes.Of("b15"));
        Assert.Equal("b20", Bytes.Text(iterator.Key()));
        iterator.Seek(Bytes.Of("b20"));
        Assert.Equal("b20", Bytes.Text(iterator.Key()));
        iterator.Seek(Bytes.Of("b31"));
        Assert.False(iterator.Valid);

        iterator.SeekForPrev(Bytes.Of("b25"));
        Assert.Equal("b20", Bytes.Text(iterator.Key()));
        iterator.SeekForPrev(Bytes.Of("b30"));
        Assert.Equal("b30", Bytes.Text(iterator.Key()));
        iterator.SeekForPrev(Bytes.Of("a"));
        Assert.False(iterator.Valid);
    }

    [Fact]
    public void UpperAndLowerBounds_LimitIteration()
    {
        using var db = TestDb.Open(_dir.Path);
        for (var i = 0; i < 10; i++)
        {
            db.Put(Bytes.Of($"k{i}"), Bytes.Of("v"));
        }

        db.Flush();
        db.Put(Bytes.Of("k45"), Bytes.Of("memtable")); // bounds apply across memtable and table files
        var upper = Bytes.Of("k7");
        using var options = new ReadOptions { IterateLowerBound = Bytes.Of("k3"), IterateUpperBound = upper, FillCache = false, VerifyChecksums = true };
        upper[1] = (byte)'9'; // the bound was copied when set

        using var iterator = db.NewIterator(options: options);
        var keys = new List<string>();
        for (iterator.SeekToFirst(); iterator.Valid; iterator.Next())
        {
            keys.Add(Bytes.Text(iterator.Key()));
        }

        Assert.Equal(["k3", "k4", "k45", "k5", "k6"], keys);
        iterator.SeekToLast();
        Assert.Equal("k6", Bytes.Text(iterator.Key()));
    }

    [Fact]
    public void BoundsSurviveDisposingTheReadOptionsBeforeTheIterator()
    {
        using var db = TestDb.Open(_dir.Path);
        for (var i = 0; i < 5; i++)
        {
            db.Put(Bytes.Of($"k{i}"), Bytes.Of("v"));
        }

        RocksIterator iterator;
        using (var options = new ReadOptions { IterateUpperBound = Bytes.Of("k2") })
        {
            iterator = db.NewIterator(options: options);
        }

        using (iterator)
        {
            var count = 0;
            for (iterator.SeekToFirst(); iterator.Valid; iterator.Next())
            {
                count++;
            }

            Assert.Equal(2, count);
        }
    }

    [Theory]
    [InlineData(null)]
    [InlineData(4)]
    [InlineData(8)]
    public void ScanPrefix_WorksWithAndWithoutAPrefixExtractor(int? extractorLength)
    {
        var options = new ColumnFamilyOptions { FixedPrefixLength = extractorLength, BloomFilterBitsPerKey = extractorLength is null ? null : 10 };
        using var db = TestDb.Open(_dir.Path, TestDb.Cf("ix", options));
        var cf = db.GetColumnFamily("ix");
        string[] keys = ["dir1/a", "dir1/b", "dir1/c/d", "dir2/a", "dir10/x", "dir", "ab", "zzzzzzzzz"];
        foreach (var key in keys)
        {
            db.Put(Bytes.Of(key), Bytes.Of("v:" + key), cf);
        }

        db.Flush(cf);
        db.Put(Bytes.Of("dir1/e"), Bytes.Of("v:dir1/e"), cf);

        Assert.Equal(["dir1/a", "dir1/b", "dir1/c/d", "dir1/e"], Scan(db, "dir1/", cf));
        Assert.Equal(["dir1/c/d"], Scan(db, "dir1/c", cf));
        Assert.Equal(["dir1/a", "dir1/b", "dir1/c/d", "dir1/e", "dir10/x"], Scan(db, "dir1", cf));
        Assert.Equal(["dir", "dir1/a", "dir1/b", "dir1/c/d", "dir1/e", "dir10/x", "dir2/a"], Scan(db, "dir", cf));
        Assert.Empty(Scan(db, "dir3/", cf));
        Assert.Equal(keys.Length + 1, db.ScanPrefix([], cf).Count());
        Assert.All(db.ScanPrefix(Bytes.Of("dir2"), cf), kv => Assert.Equal("v:dir2/a", Bytes.Text(kv.Value)));
    }

    [Fact]
    public void ScanPrefix_HandlesAllOnesPrefixes()
    {
        using var db = TestDb.Open(_dir.Path);
        db.Put([0xFF, 0xFF, 0x01], Bytes.Of("a"));
        db.Put([0xFF, 0xFE], Bytes.Of("b"));
        db.Put([0xFF], Bytes.Of("c"));

        Assert.Single(db.ScanPrefix(new byte[] { 0xFF, 0xFF }.AsSpan()));
        Assert.Equal(3, db.ScanPrefix([0xFF]).Count());
    }

    [Fact]
    public void ScanPrefix_StopsEarlyWhenTheEnumeratorIsDisposed()
    {
        using var db = TestDb.Open(_dir.Path);
        for (var i = 0; i < 100; i++)
        {
            db.Put(Bytes.Of($"p{i:D3}"), Bytes.Of("v"));
        }

        Assert.Equal("p000", Bytes.Text(db.ScanPrefix(Bytes.Of("p")).First().Key));
        db.Dispose(); // nothing left holding the DB open: the lock is released at once
        using var reopened = TestDb.Open(_dir.Path);
        Assert.Equal(100, reopened.ScanPrefix(Bytes.Of("p")).Count());
    }

    [Fact]
    public void IteratorOverNamedColumnFamily_WithSnapshot()
    {
        using var db = TestDb.Open(_dir.Path, TestDb.Cf("cf"));
        var cf = db.GetColumnFamily("cf");
        db.Put(Bytes.Of("a"), Bytes.Of("1"), cf);
        using var snapshot = db.CreateSnapshot();
        db.Put(Bytes.Of("b"), Bytes.Of("2"), cf);
        db.Put(Bytes.Of("a"), Bytes.Of("changed"), cf);

        using var options = new ReadOptions { Snapshot = snapshot, TotalOrderSeek = true };
        using var iterator = db.NewIterator(cf, options);
        iterator.SeekToFirst();
        Assert.Equal("1", Bytes.Text(iterator.Value()));
        iterator.Next();
        Assert.False(iterator.Valid);
    }

    private static List<string> Scan(RocksDb db, string prefix, ColumnFamilyHandle cf) =>
        [.. db.ScanPrefix(Bytes.Of(prefix), cf).Select(kv => Bytes.Text(kv.Key))];
}
