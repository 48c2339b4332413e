using Alluxio.Protos.Grpc.Block;
using Google.Protobuf;
using Xunit;

namespace Alluxio.Grpc.Tests;

/// <summary>The contract of <see cref="ReadResponseWire"/>: the same bytes as the generated <see cref="ReadResponse"/>, both ways.</summary>
public sealed class ReadResponseWireTests
{
    public static TheoryData<int, string> Shapes()
    {
        var data = new TheoryData<int, string>();
        foreach (var length in new[] { 0, 1, 127, 128, 16_383, 16_384, 2_097_151, 2_097_152, 4 << 20 })
        {
            foreach (var source in new[] { "", "MEM", "UFS", "tier-ü-é" })
                data.Add(length, source);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Written_bytes_are_what_protobuf_writes_and_read_back_in_place(int length, string source)
    {
        var chunk = Bytes(length, seed: length);
        var expected = new ReadResponse { Chunk = ByteString.CopyFrom(chunk), Source = source };

        Assert.Equal(expected.CalculateSize(), ReadResponseWire.Size(length, source));
        var written = new byte[ReadResponseWire.Size(length, source)];
        ReadResponseWire.Write(written, length, source, chunk, static (span, c) => c.CopyTo(span));
        Assert.Equal(expected.ToByteArray(), written);

        ReadResponseWire.Read(expected.ToByteArray(), out var read, out var readSource);
        Assert.True(read.Span.SequenceEqual(chunk));
        Assert.Equal(source, readSource);
    }

    [Fact]
    public void The_chunk_is_a_view_of_the_payload_not_a_copy()
    {
        var payload = new ReadResponse { Chunk = ByteString.CopyFrom(Bytes(100, 1)), Source = "MEM" }.ToByteArray();
        ReadResponseWire.Read(payload, out var chunk, out _);
        payload[2] ^= 0xFF; // the chunk's first byte, after its tag and one-byte length
        Assert.Equal(payload[2], chunk.Span[0]);
    }

    [Fact]
    public void Unknown_fields_of_every_wire_type_are_skipped_and_a_repeated_field_keeps_its_last_value()
    {
        using var stream = new MemoryStream();
        var output = new CodedOutputStream(stream);
        output.WriteTag(7, WireFormat.WireType.Varint);
        output.WriteUInt64(ulong.MaxValue);
        output.WriteTag(1, WireFormat.WireType.LengthDelimited);
        output.WriteBytes(ByteString.CopyFrom(Bytes(10, 2)));
        output.WriteTag(8, WireFormat.WireType.Fixed64);
        output.WriteFixed64(42);
        output.WriteTag(9, WireFormat.WireType.Fixed32);
        output.WriteFixed32(42);
        output.WriteTag(10, WireFormat.WireType.LengthDelimited);
        output.WriteString("a newer worker's field");
        output.WriteTag(2, WireFormat.WireType.LengthDelimited);
        output.WriteString("SSD");
        output.WriteTag(1, WireFormat.WireType.LengthDelimited);
        output.WriteBytes(ByteString.CopyFrom(Bytes(20, 3)));
        output.Flush();
        var payload = stream.ToArray();

        ReadResponseWire.Read(payload, out var chunk, out var source);
        var parsed = ReadResponse.Parser.ParseFrom(payload);
        Assert.Equal(parsed.Chunk.ToByteArray(), chunk.ToArray());
        Assert.Equal(Bytes(20, 3), chunk.ToArray());
        Assert.Equal("SSD", source);
    }

    [Theory]
    [InlineData(new byte[] { 0x0A, 0x80 })] // truncated length varint
    [InlineData(new byte[] { 0x0A, 0x05, 1, 2 })] // a chunk longer than what is left
    [InlineData(new byte[] { 0x0B })] // wire type 3 (start group)
    [InlineData(new byte[] { 0x02, 0x00 })] // field number 0
    [InlineData(new byte[] { 0x39, 1, 2, 3 })] // truncated fixed64 (field 7)
    [InlineData(new byte[] { 0x08, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01 })] // an 11-byte varint
    public void Malformed_bytes_are_refused_with_a_reason(byte[] payload)
    {
        var error = Assert.Throws<InvalidDataException>(() => ReadResponseWire.Read(payload, out _, out _));
        Assert.StartsWith("Malformed ReadResponse: ", error.Message, StringComparison.Ordinal);
        Assert.ThrowsAny<InvalidProtocolBufferException>(() => ReadResponse.Parser.ParseFrom(payload)); // protobuf agrees
    }

    [Fact]
    public void Writing_into_a_span_of_the_wrong_size_is_refused()
    {
        Assert.Throws<ArgumentException>(() => ReadResponseWire.Write(new byte[10], 4, "MEM", 0, static (_, _) => { }));
        Assert.Throws<ArgumentOutOfRangeException>(() => ReadResponseWire.Size(-1, null));
    }

    private static byte[] Bytes(int length, int seed)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }
}
