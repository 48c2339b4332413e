using Alluxio.Metastore.Journal.Log;

namespace Alluxio.Metastore.Tests.Journal;

/// <summary>Deterministic test records: the payload is a function of the sequence (and a variant), so reads can be checked.</summary>
internal static class Records
{
    public static byte[] Payload(long sequence, int variant = 0)
    {
        var payload = new byte[8 + (int)((sequence * 7) % 41)];
        for (var i = 0; i < payload.Length; i++)
        {
            payload[i] = (byte)((sequence * 31) + (i * 7) + (variant * 101));
        }

        return payload;
    }

    public static JournalRecord[] Batch(long first, int count, int variant = 0) =>
        [.. Enumerable.Range(0, count).Select(i => new JournalRecord(first + i, Payload(first + i, variant)))];

    /// <summary>Appends records first..last, <paramref name="perBatch"/> per Append.</summary>
    public static void AppendRange(IJournalLog log, long first, long last, int perBatch = 1, int variant = 0)
    {
        for (var sequence = first; sequence <= last; sequence += perBatch)
        {
            log.Append(Batch(sequence, (int)Math.Min(perBatch, last - sequence + 1), variant));
        }
    }

    /// <summary>Asserts that reading from <paramref name="from"/> yields exactly from..last with the expected payloads.</summary>
    public static void AssertRange(IJournalLog log, long from, long last, int variant = 0)
    {
        var expected = from;
        foreach (var record in log.ReadFrom(from))
        {
            Assert.Equal(expected, record.Sequence);
            Assert.True(Payload(expected, variant).AsSpan().SequenceEqual(record.Payload.Span), $"payload of record {expected} differs");
            expected++;
        }

        Assert.Equal(last + 1, expected);
    }

    /// <summary>Asserts that reading from <paramref name="from"/> starts with from..last with the expected payloads.</summary>
    public static void AssertPrefix(IJournalLog log, long from, long last, int variant = 0)
    {
        var read = log.ReadFrom(from).Take((int)(last - from + 1)).ToList();
        Assert.Equal(Enumerable.Range(0, (int)(last - from + 1)).Select(i => from + i), read.Select(r => r.Sequence));
        Assert.All(read, r => Assert.True(Payload(r.Sequence, variant).AsSpan().SequenceEqual(r.Payload.Span), $"payload of record {r.Sequence} differs"));
    }

    /// <summary>The size of a record's frame on disk.</summary>
    public static int FrameSize(long sequence) => 20 + Payload(sequence).Length;
}
