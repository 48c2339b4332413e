using Alluxio.Cli.Formatting;
using Alluxio.Grains.FileSystem;
using Xunit;

namespace Alluxio.Cli.Tests.Unit;

public sealed class MountTableFormatterTests
{
    [Fact]
    public void LinesAreAlignedAndShowFlagsAndProperties()
    {
        MountInfo[] mounts =
        [
            new("/", "file:///srv/underfs", "file", 1, false, true, new Dictionary<string, string>(), 10L << 30, 1L << 30),
            new("/mnt/data", "file:///d", "file", 2, true, false, new Dictionary<string, string> { ["b"] = "2", ["a"] = "1" }, 0, 0),
        ];

        var lines = MountTableFormatter.Lines(mounts).ToList();

        Assert.Equal(
        [
            "file:///srv/underfs  on  /         (file, capacity=10.00GB, used=1024.00MB(10%), not read-only, shared, properties={})",
            "file:///d            on  /mnt/data (file, capacity=0B, used=0B, read-only, not shared, properties={a=1, b=2})",
        ], lines);
    }

    [Fact]
    public void EmptyTablePrintsNothing() => Assert.Empty(MountTableFormatter.Lines([]));
}
