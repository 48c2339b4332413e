using Alluxio.Metastore.Journal.Log;

namespace Alluxio.Metastore.Tests.Journal;

public sealed class ContiguityTests
{
    public static TheoryData<string, long[]> BadBatches => new()
    {
        { "a gap before the batch", [12] },
        { "a repeated sequence", [10] },
        { "an old sequence", [3] },
        { "a gap inside the batch", [11, 12, 14] },
        { "a repeat inside the batch", [11, 11] },
        { "a descending batch", [12, 11] },
    };

    [Theory]
    [MemberData(nameof(BadBatches))]
    public void A_non_contiguous_batch_is_refused_and_changes_nothing(string why, long[] sequences)
    {
        using var dir = new LogDirectory();
        using var log = dir.Open();
        Records.AppendRange(log, 1, 10, perBatch: 4);
        var before = File.ReadAllBytes(dir.Segments()[0]);

        var batch = sequences.Select(s => new JournalRecord(s, Records.Payload(s))).ToArray();
        var error = Assert.Throws<ArgumentException>(() => log.Append(batch));

        Assert.Contains("Nothing was written", error.Message);
        Assert.True(error.Message.Contains("sequence", StringComparison.Ordinal), $"{why}: {error.Message}");
        Assert.Equal(10, log.LastSequence);
        Assert.Equal(before, File.ReadAllBytes(Assert.Single(dir.Segments())));
        log.Append(Records.Batch(11, 2));
        Records.AssertRange(log, 1, 12);
    }

    [Fact]
    public void The_error_names_the_expected_and_the_offered_sequence()
    {
        using var dir = new LogDirectory();
        using var log = dir.Open();
        Records.AppendRange(log, 1, 5);
        var error = Assert.Throws<ArgumentException>(() => log.Append(Records.Batch(9, 1)));
        Assert.Contains("start at sequence 6", error.Message);
        Assert.Contains("has sequence 9", error.Message);
        var inside = Assert.Throws<ArgumentException>(() => log.Append([new JournalRecord(6, new byte[1]), new JournalRecord(8, new byte[1])]));
        Assert.Contains("record 1 has sequence 8, expected 7", inside.Message);
    }

    [Fact]
    public void A_refused_batch_is_not_there_after_a_reopen()
    {
        using var dir = new LogDirectory();
        using (var log = dir.Open())
        {
            Records.AppendRange(log, 1, 5);
            Assert.Throws<ArgumentException>(() => log.Append(Records.Batch(7, 3)));
        }

        using var reopened = dir.Open();
        Assert.Equal(5, reopened.LastSequence);
        Assert.Empty(dir.Events);
    }
}
