using Alluxio.Cli.Formatting;
using Alluxio.Grains.FileSystem;
using Xunit;

namespace Alluxio.Cli.Tests.Unit;

/// <summary>setfacl's ACL specs as mode bits, and getfacl's lines.</summary>
public sealed class AclSpecTests
{
    [Theory]
    [InlineData("user::rwx,group::r-x,other::---", "644", "750")]
    [InlineData("u::rw,g::r,o::r", "777", "644")]
    [InlineData("group::7", "700", "770")]
    [InlineData("other:r-x", "700", "705")]
    [InlineData("user::r,user::rw-", "000", "600")]
    [InlineData("other::---", "1777", "1770")]
    public void AppliesTheGivenEntriesAndKeepsTheRest(string text, string before, string after)
    {
        Assert.True(AclSpec.TryParse(text, out var spec, out var error), error);
        Assert.Equal(Convert.ToInt32(after, 8), spec.Apply(Convert.ToInt32(before, 8)));
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("user:bob:rwx", "named users or groups are not supported")]
    [InlineData("group:staff:r-x", "named users or groups are not supported")]
    [InlineData("mask::rwx", "mask is not supported")]
    [InlineData("default:user::rwx", "Default ACL entries are not supported")]
    [InlineData("user::rwz", "Malformed permission")]
    [InlineData("user::rrx", "Malformed permission")]
    [InlineData("user::8", "Malformed permission")]
    [InlineData("owner::rwx", "Unknown ACL entry type")]
    [InlineData("user:rwx", "Malformed ACL entry")]
    public void RefusesWhatIsNotModeBits(string text, string reason)
    {
        Assert.False(AclSpec.TryParse(text, out _, out var error));
        Assert.Contains(reason, error, StringComparison.Ordinal);
    }

    [Fact]
    public void CompleteMeansAllThreeEntries()
    {
        Assert.True(AclSpec.TryParse("u::rwx,g::rx,o::-", out var all, out _));
        Assert.True(all.Complete);
        Assert.True(AclSpec.TryParse("u::rwx,g::rx", out var partial, out _));
        Assert.False(partial.Complete);
    }

    [Fact]
    public void GetfaclLinesComeFromTheMode()
    {
        var status = new FileStatus { FileId = 1, Name = "f", Path = "/d/f", Owner = "alice", Group = "staff", Mode = Convert.ToInt32("1751", 8) };

        Assert.Equal(["# file: /d/f", "# owner: alice", "# group: staff", "user::rwx", "group::r-x", "other::--x"], AclFormatter.Lines(status));
    }
}
