using Alluxio.RocksDb.Native;

namespace Alluxio.RocksDb.Tests;

public sealed class ErrorTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void OpeningAMissingDbWithoutCreateIfMissing_ReportsRocksDbsMessage()
    {
        var path = _dir.Sub("missing");
        var error = Assert.Throws<RocksDbException>(() => RocksDb.Open(path, new RocksDbOptions()));
        Assert.Contains("does not exist", error.Message);
        Assert.Contains("create_if_missing", error.Message);
    }

    [Fact]
    public void ListingColumnFamiliesOfAMissingDb_Throws()
    {
        Assert.Throws<RocksDbException>(() => RocksDb.ListColumnFamilies(_dir.Sub("missing")));
    }

    [Fact]
    public void OpeningTheSamePathTwice_ReportsTheLock()
    {
        using var db = TestDb.Open(_dir.Path);
        var error = Assert.Throws<RocksDbException>(() => TestDb.Open(_dir.Path));
        Assert.Contains("lock", error.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void OpeningAMissingColumnFamilyWithoutCreateMissing_Throws()
    {
        using (TestDb.Open(_dir.Path))
        {
        }

        var options = new RocksDbOptions { CreateIfMissing = true };
        var error = Assert.Throws<RocksDbException>(() => RocksDb.Open(_dir.Path, options, [TestDb.Cf("absent")]));
        Assert.Contains("absent", error.Message);
    }

    [Fact]
    public void InvalidOptions_AreRejectedBeforeReachingRocksDb()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => TestDb.Open(_dir.Path, TestDb.Cf("x", new ColumnFamilyOptions { FixedPrefixLength = 0 })));
        Assert.Throws<ArgumentOutOfRangeException>(() => TestDb.Open(_dir.Path, TestDb.Cf("x", new ColumnFamilyOptions { Compression = (Compression)99 })));
        Assert.Throws<ArgumentOutOfRangeException>(() => new RocksDbOptions().IncreaseParallelism(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => RocksDb.Open(_dir.Path, new RocksDbOptions { CreateIfMissing = true, MaxBackgroundJobs = 0 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => RocksDb.Open(_dir.Path, new RocksDbOptions { CreateIfMissing = true, Parallelism = -1 }));
    }

    [Fact]
    public void MissingLibrary_MessageNamesTheFix()
    {
        var error = Assert.Throws<RocksDbException>(() => NativeLibraryLoader.Load(["librocksdb-does-not-exist.so.0"]));
        Assert.Contains("librocksdb7.8 is not installed (Debian: apt-get install librocksdb7.8)", error.Message);
    }
}
