using System.Buffers.Binary;
using Alluxio.Metastore.Journal.Log;
using Alluxio.Runtime.Hashing;

namespace Alluxio.Metastore.Tests.Journal;

/// <summary>Guards the persisted format: the bytes written must match the layout documented in JournalLogFormat.</summary>
public sealed class JournalLogFormatTests
{
    [Fact]
    public void Crc32C_matches_the_standard_check_value()
    {
        Assert.Equal(0xE3069283u, Crc32C.Compute("123456789"u8));
        Assert.Equal(ReferenceCrc32C("123456789"u8), Crc32C.Compute("123456789"u8));
        var odd = Enumerable.Range(0, 1001).Select(i => (byte)(i * 13)).ToArray();
        Assert.Equal(ReferenceCrc32C(odd), Crc32C.Compute(odd));
    }

    [Fact]
    public void A_new_log_with_one_record_has_exactly_the_documented_bytes()
    {
        using var dir = new LogDirectory();
        using (var log = dir.Open())
        {
            log.Append([new JournalRecord(1, "hello"u8.ToArray())]);
        }

        var file = Assert.Single(dir.Segments());
        Assert.Equal("00000000000000000001.log", Path.GetFileName(file));

        var expected = new List<byte>();
        expected.AddRange("AXJL"u8.ToArray());            // magic
        expected.AddRange(U32(1));                        // format version
        expected.AddRange(I64(1));                        // first sequence
        expected.AddRange(I64(1));                        // epoch of a new log
        expected.AddRange(U32(0));                        // reserved
        expected.AddRange(U32(ReferenceCrc32C([.. expected])));
        var record = new List<byte>();
        record.AddRange(U32(5));                          // payload length
        record.AddRange(I64(1));                          // sequence
        record.AddRange(U32(0));                          // batch index
        record.AddRange("hello"u8.ToArray());
        record.AddRange(U32(ReferenceCrc32C([.. record])));
        expected.AddRange(record);

        Assert.Equal(Convert.ToHexString([.. expected]), Convert.ToHexString(File.ReadAllBytes(file)));
    }

    [Fact]
    public void Batch_index_counts_records_within_one_append()
    {
        using var dir = new LogDirectory();
        using (var log = dir.Open())
        {
            log.Append([new JournalRecord(1, new byte[] { 1 })]);
            log.Append([new JournalRecord(2, new byte[] { 2 }), new JournalRecord(3, new byte[] { 3 })]);
        }

        var bytes = File.ReadAllBytes(dir.Segments()[0]);
        var indexes = Enumerable.Range(0, 3).Select(i => BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(32 + (i * 21) + 12))).ToArray();
        Assert.Equal([0u, 0u, 1u], indexes);
    }

    [Theory]
    [InlineData("00000000000000000042.log", true, 42)]
    [InlineData("0000000000000000042.log", false, 0)]
    [InlineData("00000000000000000042.log.tmp", false, 0)]
    [InlineData("0000000000000000004a.log", false, 0)]
    [InlineData("00000000000000000000.log", false, 0)]
    [InlineData("journal.lock", false, 0)]
    public void Segment_file_names_are_twenty_digits(string name, bool valid, long first)
    {
        Assert.Equal(valid, JournalLogFormat.TryParseSegmentFileName(name, out var parsed));
        Assert.Equal(first, parsed);
        if (valid)
        {
            Assert.Equal(name, JournalLogFormat.SegmentFileName(first));
        }
    }

    /// <summary>A bitwise CRC32C, independent of the implementation under test.</summary>
    private static uint ReferenceCrc32C(ReadOnlySpan<byte> data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in data)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0x82F63B78u : crc >> 1;
            }
        }

        return ~crc;
    }

    private static byte[] U32(uint value)
    {
        var bytes = new byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(bytes, value);
        return bytes;
    }

    private static byte[] I64(long value)
    {
        var bytes = new byte[8];
        BinaryPrimitives.WriteInt64LittleEndian(bytes, value);
        return bytes;
    }
}
