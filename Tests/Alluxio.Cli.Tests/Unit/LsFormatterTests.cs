using Alluxio.Cli.Formatting;
using Alluxio.Grains.FileSystem;
using Xunit;

namespace Alluxio.Cli.Tests.Unit;

public sealed class LsFormatterTests
{
    [Fact]
    public void FileLineHasAlluxiosColumns()
    {
        var line = LsFormatter.Line(StatusSamples.File(), humanSize: false, LsField.LastModificationTime, TimeZoneInfo.Utc);
        Assert.Equal(
            "-rw-r--r-- " + "alice          " + "staff          " + "           1234" + "       PERSISTED" + " 01-02-2024 03:04:05:678" + "  50%" + " /data/f",
            line);
    }

    [Fact]
    public void DirectoryLineShowsDirAndRawSize()
    {
        var line = LsFormatter.Line(StatusSamples.Directory(), humanSize: true, LsField.LastModificationTime, TimeZoneInfo.Utc);
        Assert.Equal(
            "drwxr-xr-x " + "alice          " + "staff          " + "              3" + "   NOT_PERSISTED" + " 01-02-2024 03:04:05:678" + "  DIR" + " /data",
            line);
    }

    [Fact]
    public void HumanSizeAppliesToFiles()
    {
        var line = LsFormatter.Line(StatusSamples.File(length: 10240), humanSize: true, LsField.LastModificationTime, TimeZoneInfo.Utc);
        Assert.Contains("        10.00KB       PERSISTED", line, StringComparison.Ordinal);
    }

    [Fact]
    public void TimestampFieldAndZoneChooseTheDate()
    {
        var plusTwo = TimeZoneInfo.CreateCustomTimeZone("plus-two", TimeSpan.FromHours(2), "plus-two", "plus-two");
        var line = LsFormatter.Line(StatusSamples.File(), humanSize: false, LsField.CreationTime, plusTwo);
        Assert.Contains(" 01-01-2024 01:59:59:001 ", line, StringComparison.Ordinal);
    }

    [Fact]
    public void LongOwnersAreNotTruncated()
    {
        var line = LsFormatter.Line(StatusSamples.File() with { Owner = "a-very-long-user-name" }, false, LsField.LastModificationTime, TimeZoneInfo.Utc);
        Assert.StartsWith("-rw-r--r-- a-very-long-user-namestaff", line, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(PersistenceState.ToBePersisted, " TO_BE_PERSISTED")]
    [InlineData(PersistenceState.Lost, "            LOST")]
    public void PersistenceStatesUseAlluxiosNames(PersistenceState state, string column)
    {
        var line = LsFormatter.Line(StatusSamples.File() with { PersistenceState = state }, false, LsField.LastModificationTime, TimeZoneInfo.Utc);
        Assert.Contains("1234" + column + " 01-02-2024", line, StringComparison.Ordinal);
    }

    [Fact]
    public void SortsBySizeThenPathAndReverses()
    {
        FileStatus[] statuses = [StatusSamples.File("/b", 10), StatusSamples.File("/a", 10), StatusSamples.File("/c", 5)];
        Assert.Equal(["/c", "/a", "/b"], statuses.Order(LsFormatter.Comparer(LsField.Size, reverse: false)).Select(s => s.Path));
        Assert.Equal(["/b", "/a", "/c"], statuses.Order(LsFormatter.Comparer(LsField.Size, reverse: true)).Select(s => s.Path));
    }

    [Fact]
    public void SortsByNameOrdinally()
    {
        FileStatus[] statuses = [StatusSamples.File("/x/b"), StatusSamples.File("/x/B"), StatusSamples.File("/a/c")];
        Assert.Equal(["/x/B", "/x/b", "/a/c"], statuses.Order(LsFormatter.Comparer(LsField.Name, reverse: false)).Select(s => s.Path));
    }
}
