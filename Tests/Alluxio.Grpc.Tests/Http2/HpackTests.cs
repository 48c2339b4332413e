using System.Buffers;
using System.Text;
using Alluxio.Grpc.Http2;
using Alluxio.Grpc.Http2.Hpack;
using Xunit;

namespace Alluxio.Grpc.Tests.Http2;

/// <summary>HPACK against the examples of RFC 7541 appendix C, round trips, and malformed input.</summary>
public sealed class HpackTests
{
    [Theory]
    [InlineData(10, 5, "0a")]     // C.1.1
    [InlineData(1337, 5, "1f9a0a")] // C.1.2
    [InlineData(42, 8, "2a")]     // C.1.3
    [InlineData(31, 5, "1f00")]
    [InlineData(int.MaxValue, 7, "7f80ffffff07")]
    public void Integers_encode_and_decode_as_the_rfc_shows(int value, int prefix, string hex)
    {
        var output = new ArrayBufferWriter<byte>();
        HpackEncoder.WriteInteger(output, value, prefix, 0);
        Assert.Equal(hex, Convert.ToHexStringLower(output.WrittenSpan));
        var at = 0;
        Assert.Equal(value, HpackDecoder.ReadInteger(output.WrittenSpan, ref at, prefix));
        Assert.Equal(output.WrittenCount, at);
    }

    [Fact]
    public void An_integer_past_2_to_the_31_is_a_compression_error()
    {
        var at = 0;
        var error = Assert.Throws<Http2Exception>(() => HpackDecoder.ReadInteger(Convert.FromHexString("7fffffffff0f"), ref at, 7));
        Assert.Equal(Http2ErrorCode.CompressionError, error.ErrorCode);
    }

    [Fact]
    public void Huffman_codes_are_the_rfc_appendix_b_table()
    {
        Assert.Equal((0x1ff8u, 13), HpackHuffman.CodeOf(0));
        Assert.Equal((0x7fffd8u, 23), HpackHuffman.CodeOf(1));
        Assert.Equal((0x3ffffffcu, 30), HpackHuffman.CodeOf(10));
        Assert.Equal((0x14u, 6), HpackHuffman.CodeOf(' '));
        Assert.Equal((0x0u, 5), HpackHuffman.CodeOf('0'));
        Assert.Equal((0x3u, 5), HpackHuffman.CodeOf('a'));
        Assert.Equal((0xfffe6u, 20), HpackHuffman.CodeOf(128));
        Assert.Equal((0x3ffffeeu, 26), HpackHuffman.CodeOf(255));
        Assert.Equal((0x3fffffffu, 30), HpackHuffman.CodeOf(256)); // EOS
    }

    [Fact]
    public void Huffman_round_trips_every_byte_value()
    {
        var random = new Random(41);
        for (var round = 0; round < 200; round++)
        {
            var source = new byte[random.Next(0, 300)];
            random.NextBytes(source);
            var encoded = new byte[HpackHuffman.EncodedLength(source)];
            Assert.Equal(encoded.Length, HpackHuffman.Encode(source, encoded));
            var decoded = new byte[source.Length];
            Assert.Equal(source.Length, HpackHuffman.Decode(encoded, decoded));
            Assert.Equal(source, decoded);
        }
    }

    [Theory]
    [InlineData("f1e3c2e5f23a6ba0ab90f4ff", "www.example.com")] // C.4.1
    [InlineData("a8eb10649cbf", "no-cache")]                 // C.4.2
    [InlineData("25a849e95ba97d7f", "custom-key")]           // C.4.3
    [InlineData("25a849e95bb8e8b4bf", "custom-value")]       // C.4.3
    public void Huffman_decodes_the_rfc_strings(string hex, string text)
    {
        var encoded = Convert.FromHexString(hex);
        var decoded = new byte[64];
        Assert.Equal(text, Encoding.ASCII.GetString(decoded, 0, HpackHuffman.Decode(encoded, decoded)));
        var again = new byte[HpackHuffman.EncodedLength(Encoding.ASCII.GetBytes(text))];
        HpackHuffman.Encode(Encoding.ASCII.GetBytes(text), again);
        Assert.Equal(encoded, again);
    }

    [Theory]
    [InlineData("ff")]       // 8 one-bits of padding: too long
    [InlineData("f1e3c2e5f23a6ba0ab90f4fe")] // padding with a zero bit
    [InlineData("fffffffc")] // EOS (30 ones) inside the string
    public void Invalid_huffman_strings_are_compression_errors(string hex)
    {
        var error = Assert.Throws<Http2Exception>(() => HpackHuffman.Decode(Convert.FromHexString(hex), new byte[64]));
        Assert.Equal(Http2ErrorCode.CompressionError, error.ErrorCode);
    }

    [Fact]
    public void Decoder_follows_the_rfc_request_examples_with_huffman_and_the_dynamic_table()
    {
        var decoder = new HpackDecoder();
        var fields = new List<HeaderField>();

        Assert.True(decoder.Decode(Convert.FromHexString("828684418cf1e3c2e5f23a6ba0ab90f4ff"), fields)); // C.4.1
        Assert.Equal([new(":method", "GET"), new(":scheme", "http"), new(":path", "/"), new(":authority", "www.example.com")], fields);
        Assert.Equal(57, decoder.Table.Size);

        fields.Clear();
        Assert.True(decoder.Decode(Convert.FromHexString("828684be5886a8eb10649cbf"), fields)); // C.4.2
        Assert.Equal([new(":method", "GET"), new(":scheme", "http"), new(":path", "/"), new(":authority", "www.example.com"), new("cache-control", "no-cache")], fields);
        Assert.Equal(110, decoder.Table.Size);

        fields.Clear();
        Assert.True(decoder.Decode(Convert.FromHexString("828785bf408825a849e95ba97d7f8925a849e95bb8e8b4bf"), fields)); // C.4.3
        Assert.Equal([new(":method", "GET"), new(":scheme", "https"), new(":path", "/index.html"), new(":authority", "www.example.com"), new("custom-key", "custom-value")], fields);
        Assert.Equal(164, decoder.Table.Size);
        Assert.Equal(new HeaderField("custom-key", "custom-value"), decoder.Table[1]);
        Assert.Equal(new HeaderField(":authority", "www.example.com"), decoder.Table[3]);
    }

    [Fact]
    public void Decoder_evicts_oldest_entries_when_the_table_is_full()
    {
        var decoder = new HpackDecoder(maxTableSize: 256);
        var fields = new List<HeaderField>();
        for (var i = 0; i < 20; i++)
        {
            var block = new ArrayBufferWriter<byte>();
            block.Write<byte>([0x40]); // literal with incremental indexing, new name
            HpackEncoder.WriteString(block, "x-key-" + i);
            HpackEncoder.WriteString(block, new string('v', 20));
            Assert.True(decoder.Decode(block.WrittenSpan, fields));
            Assert.True(decoder.Table.Size <= 256);
        }

        Assert.Equal("x-key-19", decoder.Table[1].Name);
        Assert.Equal(256 / (6 + 2 + 20 + 32), decoder.Table.Count);
        fields.Clear();
        Assert.True(decoder.Decode([(byte)(0x80 | (HpackStaticTable.Count + 1))], fields)); // indexed: the newest entry
        Assert.Equal("x-key-19", fields[0].Name);
    }

    [Theory]
    [InlineData("80")]           // index 0
    [InlineData("bf")]           // index 63: past the static table with an empty dynamic table
    [InlineData("4005")]         // a name string running past the block
    [InlineData("8220")]         // a table size update after a field
    [InlineData("3fe21f")]       // a table size update to 4096 + 1 (above the allowed size)
    [InlineData("41")]           // a literal without its value
    public void Malformed_blocks_are_compression_errors(string hex)
    {
        var error = Assert.Throws<Http2Exception>(() => new HpackDecoder().Decode(Convert.FromHexString(hex), []));
        Assert.Equal(Http2ErrorCode.CompressionError, error.ErrorCode);
        Assert.False(error.IsStreamError);
    }

    [Fact]
    public void A_header_list_over_the_limit_is_decoded_for_the_table_but_reported()
    {
        var decoder = new HpackDecoder();
        var block = new ArrayBufferWriter<byte>();
        block.Write<byte>([0x40]);
        HpackEncoder.WriteString(block, "x-big");
        HpackEncoder.WriteString(block, new string('b', 200));
        var fields = new List<HeaderField>();
        Assert.False(decoder.Decode(block.WrittenSpan, fields, maxListSize: 100));
        Assert.Empty(fields);
        Assert.Equal(1, decoder.Table.Count); // the table stays in step with the peer's encoder
    }

    [Fact]
    public void Random_bytes_either_decode_or_are_a_compression_error_never_another_exception()
    {
        // Seeded, so a failure replays: mutated valid blocks and plain noise, through one decoder (its table carries over).
        var random = new Random(20261207);
        var decoder = new HpackDecoder(maxTableSize: 512);
        var valid = Convert.FromHexString("828684418cf1e3c2e5f23a6ba0ab90f4ff408825a849e95ba97d7f8925a849e95bb8e8b4bf");
        for (var round = 0; round < 20_000; round++)
        {
            var block = round % 2 == 0 ? (byte[])valid.Clone() : new byte[random.Next(1, 64)];
            if (round % 2 == 0)
            {
                for (var flips = random.Next(1, 4); flips > 0; flips--)
                    block[random.Next(block.Length)] = (byte)random.Next(256);
            }
            else
            {
                random.NextBytes(block);
            }

            try
            {
                decoder.Decode(block, [], maxListSize: 4096);
            }
            catch (Http2Exception e)
            {
                Assert.Equal(Http2ErrorCode.CompressionError, e.ErrorCode);
                decoder = new HpackDecoder(maxTableSize: 512); // a connection would end here: start a fresh one
            }
        }
    }

    [Fact]
    public void Encoder_output_decodes_to_the_same_fields()
    {
        var fields = new HeaderField[]
        {
            new(":status", "200"), new(":method", "POST"), new(":path", "/alluxio.grpc.block.BlockWorker/ReadBlock"),
            new("content-type", "application/grpc"), new("grpc-status", "0"), new("grpc-message", "Block 7 is not cached: 100%25 gone"),
            new("x-bin-bin", "AAEC/w"), new("te", "trailers"), new("user-agent", "grpc-dotnet-alluxio/1.0"), new("x-empty", ""),
        };
        var block = new ArrayBufferWriter<byte>();
        foreach (var field in fields)
            HpackEncoder.Encode(block, field.Name, field.Value);
        var decoded = new List<HeaderField>();
        Assert.True(new HpackDecoder().Decode(block.WrittenSpan, decoded));
        Assert.Equal(fields, decoded);
        Assert.Equal(0x88, block.WrittenSpan[0]); // :status 200 is static index 8
    }
}
