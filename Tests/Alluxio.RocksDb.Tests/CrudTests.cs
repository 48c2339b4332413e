using System.Buffers;

namespace Alluxio.RocksDb.Tests;

public sealed class CrudTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void PutGetDelete_DefaultColumnFamily()
    {
        using var db = TestDb.Open(_dir.Path);
        Assert.Null(db.Get(Bytes.Of("k")));

        db.Put(Bytes.Of("k"), Bytes.Of("v1"));
        Assert.Equal("v1", Bytes.Text(db.Get(Bytes.Of("k"))));

        db.Put(Bytes.Of("k"), Bytes.Of("v2"), options: WriteOptions.Synced);
        Assert.Equal("v2", Bytes.Text(db.Get(Bytes.Of("k"), db.DefaultColumnFamily)));

        db.Delete(Bytes.Of("k"));
        Assert.Null(db.Get(Bytes.Of("k")));
        db.Delete(Bytes.Of("never-written"));
    }

    [Fact]
    public void PutGetDelete_NamedColumnFamilies_AreSeparateKeySpaces()
    {
        using var db = TestDb.Open(_dir.Path, TestDb.Cf("meta"), TestDb.Cf("blocks", new ColumnFamilyOptions { Compression = Compression.Lz4 }));
        var meta = db.GetColumnFamily("meta");
        var blocks = db.GetColumnFamily("blocks");

        db.Put(Bytes.Of("k"), Bytes.Of("in-default"));
        db.Put(Bytes.Of("k"), Bytes.Of("in-meta"), meta);
        db.Put(Bytes.Of("k"), Bytes.Of("in-blocks"), blocks, new WriteOptions { DisableWal = true });

        Assert.Equal("in-default", Bytes.Text(db.Get(Bytes.Of("k"))));
        Assert.Equal("in-meta", Bytes.Text(db.Get(Bytes.Of("k"), meta)));
        Assert.Equal("in-blocks", Bytes.Text(db.Get(Bytes.Of("k"), blocks)));

        db.Delete(Bytes.Of("k"), meta);
        Assert.Null(db.Get(Bytes.Of("k"), meta));
        Assert.Equal("in-default", Bytes.Text(db.Get(Bytes.Of("k"))));
    }

    [Fact]
    public void TryGet_CopiesIntoBufferWriter()
    {
        using var db = TestDb.Open(_dir.Path, TestDb.Cf("cf"));
        var cf = db.GetColumnFamily("cf");
        db.Put(Bytes.Of("a"), Bytes.Of("alpha"));
        db.Put(Bytes.Of("b"), Bytes.Of("beta"), cf);
        var buffer = new ArrayBufferWriter<byte>();

        Assert.True(db.TryGet(Bytes.Of("a"), buffer));
        Assert.True(db.TryGet(Bytes.Of("b"), buffer, cf));
        Assert.False(db.TryGet(Bytes.Of("missing"), buffer));

        Assert.Equal("alphabeta", Bytes.Text(buffer.WrittenSpan));

        db.Flush();
        buffer.Clear();
        Assert.True(db.TryGet(Bytes.Of("a"), buffer)); // now from a table file through the block cache
        Assert.Equal("alpha", Bytes.Text(buffer.WrittenSpan));
    }

    [Fact]
    public void EmptyKeysAndValues_RoundTrip()
    {
        using var db = TestDb.Open(_dir.Path);
        db.Put(ReadOnlySpan<byte>.Empty, Bytes.Of("value-of-empty-key"));
        db.Put(Bytes.Of("empty-value"), ReadOnlySpan<byte>.Empty);
        db.Put(Array.Empty<byte>(), Bytes.Of("overwritten"));

        Assert.Equal("overwritten", Bytes.Text(db.Get(ReadOnlySpan<byte>.Empty)));
        var empty = db.Get(Bytes.Of("empty-value"));
        Assert.NotNull(empty);
        Assert.Empty(empty);

        var buffer = new ArrayBufferWriter<byte>();
        Assert.True(db.TryGet(Bytes.Of("empty-value"), buffer));
        Assert.Equal(0, buffer.WrittenCount);

        using var iterator = db.NewIterator();
        iterator.SeekToFirst();
        Assert.True(iterator.Valid);
        Assert.Equal(0, iterator.Key().Length);

        db.Delete(ReadOnlySpan<byte>.Empty);
        Assert.Null(db.Get(ReadOnlySpan<byte>.Empty));
    }

    [Fact]
    public void LargeValue_16MiB_RoundTripsThroughMemtableAndTableFiles()
    {
        using var db = TestDb.Open(_dir.Path);
        var value = new byte[16 * 1024 * 1024];
        new Random(42).NextBytes(value);

        db.Put(Bytes.Of("big"), value);
        Assert.Equal(value, db.Get(Bytes.Of("big")));

        db.Flush();
        Assert.Equal(value, db.Get(Bytes.Of("big")));
        var buffer = new ArrayBufferWriter<byte>();
        Assert.True(db.TryGet(Bytes.Of("big"), buffer));
        Assert.True(buffer.WrittenSpan.SequenceEqual(value));
    }

    [Fact]
    public void CreateAndDropColumnFamily()
    {
        using (var db = TestDb.Open(_dir.Path))
        {
            var cf = db.CreateColumnFamily("jobs", new ColumnFamilyOptions { FixedPrefixLength = 4, BloomFilterBitsPerKey = 10 });
            db.Put(Bytes.Of("job-1"), Bytes.Of("x"), cf);
            Assert.Same(cf, db.GetColumnFamily("jobs"));
            Assert.Contains("jobs", db.ColumnFamilyNames);

            var duplicate = Assert.Throws<RocksDbException>(() => db.CreateColumnFamily("jobs", new ColumnFamilyOptions()));
            Assert.Contains("exists", duplicate.Message, StringComparison.OrdinalIgnoreCase);

            db.DropColumnFamily("jobs");
            Assert.True(cf.IsDisposed);
            Assert.Throws<ObjectDisposedException>(() => db.Get(Bytes.Of("job-1"), cf));
            Assert.False(db.TryGetColumnFamily("jobs", out _));
            Assert.Throws<RocksDbException>(() => db.DropColumnFamily(RocksDb.DefaultColumnFamilyName));
        }

        Assert.DoesNotContain("jobs", RocksDb.ListColumnFamilies(_dir.Path));
    }

    [Fact]
    public void GetColumnFamily_UnknownName_ThrowsKeyNotFoundNamingIt()
    {
        using var db = TestDb.Open(_dir.Path);
        var error = Assert.Throws<KeyNotFoundException>(() => db.GetColumnFamily("nope"));
        Assert.Contains("nope", error.Message);
    }

    [Fact]
    public void ColumnFamilyOfAnotherDb_IsRejected()
    {
        using var db1 = TestDb.Open(_dir.Sub("one"));
        using var db2 = TestDb.Open(_dir.Sub("two"));
        Assert.Throws<ArgumentException>(() => db1.Put(Bytes.Of("k"), Bytes.Of("v"), db2.DefaultColumnFamily));
    }

    [Fact]
    public void KeyMayExist_IsFalseForAbsentKeysWithABloomFilter()
    {
        using var db = TestDb.Open(_dir.Path, TestDb.Cf("cf", new ColumnFamilyOptions { OptimizeForPointLookup = true, BlockCacheSize = 1 << 20 }));
        var cf = db.GetColumnFamily("cf");
        db.Put(Bytes.Of("present"), Bytes.Of("1"), cf);
        db.Flush(cf);
        Assert.True(db.KeyMayExist(Bytes.Of("present"), cf));
        Assert.False(db.KeyMayExist(Bytes.Of("absent"), cf));
        Assert.Equal("1", Bytes.Text(db.Get(Bytes.Of("present"), cf)));
    }

    [Theory]
    [InlineData(Compression.None)]
    [InlineData(Compression.Snappy)]
    [InlineData(Compression.Lz4)]
    [InlineData(Compression.Zstd)]
    public void EveryCompression_OpensAndRoundTripsThroughATableFile(Compression compression)
    {
        var options = new ColumnFamilyOptions { Compression = compression, WriteBufferSize = 4 << 20 };
        using var db = TestDb.Open(_dir.Path, TestDb.Cf("c", options));
        var cf = db.GetColumnFamily("c");
        var value = new byte[64 * 1024];
        db.Put(Bytes.Of("k"), value, cf);
        db.Flush(cf);
        Assert.Equal(value, db.Get(Bytes.Of("k"), cf));
    }
}
