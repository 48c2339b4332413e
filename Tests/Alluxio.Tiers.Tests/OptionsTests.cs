using Alluxio.Tiers.Options;

namespace Alluxio.Tiers.Tests;

public sealed class OptionsTests
{
    [Theory]
    [InlineData("no tiers", "at least one tier")]
    [InlineData("bad alias", "Alias 'M E M'")]
    [InlineData("duplicate alias", "used by two tiers")]
    [InlineData("relative path", "must be an absolute path")]
    [InlineData("zero quota", "QuotaBytes must be positive")]
    [InlineData("overlap", "overlaps another tier directory")]
    [InlineData("chunk", "ChecksumChunkBytes must be a power of two")]
    public void Invalid_settings_are_named(string problem, string message)
    {
        var options = new TieredStoreOptions
        {
            Tiers =
            [
                new TierOptions { Alias = "MEM", Directories = [new TierDirectoryOptions { Path = "/tmp/a", QuotaBytes = 1 }] },
                new TierOptions { Alias = "SSD", Directories = [new TierDirectoryOptions { Path = "/tmp/b", QuotaBytes = 1 }] },
            ],
        };
        switch (problem)
        {
            case "no tiers": options.Tiers.Clear(); break;
            case "bad alias": options.Tiers[0].Alias = "M E M"; break;
            case "duplicate alias": options.Tiers[1].Alias = "mem"; break;
            case "relative path": options.Tiers[1].Directories[0].Path = "b"; break;
            case "zero quota": options.Tiers[1].Directories[0].QuotaBytes = 0; break;
            case "overlap": options.Tiers[1].Directories[0].Path = "/tmp/a/ssd"; break;
            case "chunk": options.ChecksumChunkBytes = 5000; break;
        }

        Assert.Contains(message, Assert.Throws<ArgumentException>(options.Validate).Message);
    }

    [Fact]
    public void Mem_does_not_sync_on_commit_and_other_tiers_do_unless_told()
    {
        var options = new TieredStoreOptions
        {
            Tiers =
            [
                new TierOptions { Alias = "mem" },
                new TierOptions { Alias = "SSD" },
                new TierOptions { Alias = "HDD", SyncOnCommit = false },
            ],
        };

        Assert.Equal([false, true, false], Enumerable.Range(0, 3).Select(options.SyncOnCommit));
    }
}
