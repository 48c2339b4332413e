using System.Buffers;
using Alluxio.Grpc.Protocol;
using Alluxio.Grpc.Tests.Echo;
using Google.Protobuf;
using Xunit;

namespace Alluxio.Grpc.Tests;

/// <summary>Unit tests of the protocol pieces: timeouts, status messages, framing, metadata, method descriptors.</summary>
public sealed class ProtocolTests
{
    [Theory]
    [InlineData(100, "100m")]
    [InlineData(5000, "5S")]
    [InlineData(60_000, "1M")]
    [InlineData(7_200_000, "2H")]
    [InlineData(1500, "1500m")]
    public void Timeouts_encode_in_the_coarsest_exact_unit(int millis, string expected) =>
        Assert.Equal(expected, GrpcTimeout.Encode(TimeSpan.FromMilliseconds(millis)));

    [Fact]
    public void Odd_timeouts_fit_in_eight_digits_and_round_up()
    {
        var encoded = GrpcTimeout.Encode(TimeSpan.FromTicks(1_234_567_891));
        Assert.True(encoded.Length <= 9, encoded);
        Assert.True(GrpcTimeout.TryParse(encoded, out var parsed));
        Assert.True(parsed >= TimeSpan.FromTicks(1_234_567_891));
        Assert.True(parsed - TimeSpan.FromTicks(1_234_567_891) < TimeSpan.FromMilliseconds(1));
        Assert.Equal("1n", GrpcTimeout.Encode(TimeSpan.Zero));
        Assert.Equal("99999999H", GrpcTimeout.Encode(TimeSpan.MaxValue));
    }

    [Theory]
    [InlineData("1H", 3600_000.0)]
    [InlineData("2M", 120_000.0)]
    [InlineData("3S", 3000.0)]
    [InlineData("100m", 100.0)]
    [InlineData("2500u", 2.5)]
    [InlineData("1000000n", 1.0)]
    [InlineData("99999999S", 99_999_999_000.0)]
    public void Timeouts_parse_every_unit(string value, double millis)
    {
        Assert.True(GrpcTimeout.TryParse(value, out var timeout));
        Assert.Equal(millis, timeout.TotalMilliseconds, 3);
    }

    [Theory]
    [InlineData("")]
    [InlineData("S")]
    [InlineData("10")]
    [InlineData("10x")]
    [InlineData("-1S")]
    [InlineData("123456789S")]
    [InlineData(" 1S")]
    public void Malformed_timeouts_are_rejected(string value) => Assert.False(GrpcTimeout.TryParse(value, out _));

    [Theory]
    [InlineData("plain ascii", "plain ascii")]
    [InlineData("50%", "50%25")]
    [InlineData("ü", "%C3%BC")]
    [InlineData("a\nb", "a%0Ab")]
    [InlineData("~ and space", "~ and space")]
    public void Status_messages_are_percent_encoded(string message, string expected)
    {
        Assert.Equal(expected, StatusMessageEncoding.Encode(message));
        Assert.Equal(message, StatusMessageEncoding.Decode(expected));
    }

    [Theory]
    [InlineData("%", "%")]
    [InlineData("%4", "%4")]
    [InlineData("%zz", "%zz")]
    [InlineData("%C3", "\uFFFD")]
    [InlineData("%c3%bc", "ü")]
    public void Broken_percent_encodings_do_not_throw(string value, string expected) =>
        Assert.Equal(expected, StatusMessageEncoding.Decode(value));

    [Fact]
    public void Framing_round_trips_across_segments()
    {
        var message = new EchoReply { Text = "framed", Payload = ByteString.CopyFrom(new byte[40_000]) };
        using var writer = new PooledBufferWriter();
        GrpcFraming.WriteMessage(writer, message);
        GrpcFraming.WriteMessage(writer, new EchoReply());
        var bytes = writer.WrittenSpan.ToArray();
        Assert.Equal(0, bytes[0]);
        Assert.Equal(message.CalculateSize(), (bytes[1] << 24) | (bytes[2] << 16) | (bytes[3] << 8) | bytes[4]);

        // Split into many small segments, as DATA frames would.
        var sequence = Segments(bytes, 7);
        Assert.True(GrpcFraming.TryReadMessage(ref sequence, 1 << 20, out var compressed, out var payload));
        Assert.False(compressed);
        Assert.Equal(message, GrpcFraming.Parse(EchoReply.Parser, payload, false, null, null));
        Assert.True(GrpcFraming.TryReadMessage(ref sequence, 1 << 20, out _, out payload));
        Assert.Equal(0, payload.Length);
        Assert.Equal(0, sequence.Length);
    }

    [Fact]
    public void Partial_messages_wait_for_more_data()
    {
        using var writer = new PooledBufferWriter();
        GrpcFraming.WriteMessage(writer, new EchoReply { Text = "partial" });
        var bytes = writer.WrittenSpan.ToArray();
        for (var cut = 0; cut < bytes.Length; cut++)
        {
            var sequence = new ReadOnlySequence<byte>(bytes, 0, cut);
            Assert.False(GrpcFraming.TryReadMessage(ref sequence, null, out _, out _));
            Assert.Equal(cut, sequence.Length);
        }
    }

    [Fact]
    public void Oversized_prefix_is_rejected_before_the_body_arrives()
    {
        var header = new byte[GrpcFraming.HeaderSize];
        GrpcFraming.WriteHeader(header, false, 10_000_000);
        var sequence = new ReadOnlySequence<byte>(header);
        var error = Assert.Throws<RpcException>(() => GrpcFraming.TryReadMessage(ref sequence, 4 * 1024 * 1024, out _, out _));
        Assert.Equal(StatusCode.ResourceExhausted, error.StatusCode);
        Assert.Equal("Received message larger than max (10000000 vs. 4194304)", error.Status.Detail);
    }

    [Fact]
    public void Invalid_compressed_flag_and_unannounced_compression_are_internal()
    {
        var header = new byte[] { 2, 0, 0, 0, 0 };
        var sequence = new ReadOnlySequence<byte>(header);
        Assert.Equal(StatusCode.Internal, Assert.Throws<RpcException>(() => GrpcFraming.TryReadMessage(ref sequence, null, out _, out _)).StatusCode);
        var error = Assert.Throws<RpcException>(() => GrpcFraming.Parse(EchoReply.Parser, ReadOnlyMemory<byte>.Empty, compressed: true, encoding: null, maxSize: null));
        Assert.Equal(StatusCode.Internal, error.StatusCode);
    }

    [Fact]
    public void Gzip_messages_round_trip()
    {
        var message = new EchoReply { Text = string.Concat(Enumerable.Repeat("zip ", 1000)) };
        using var writer = new PooledBufferWriter();
        GrpcFraming.WriteMessage(writer, message, compression: MessageCompression.Gzip);
        var sequence = new ReadOnlySequence<byte>(writer.WrittenMemory);
        Assert.True(GrpcFraming.TryReadMessage(ref sequence, null, out var compressed, out var payload));
        Assert.True(compressed);
        Assert.True(payload.Length < message.CalculateSize() / 10);
        Assert.Equal(message, GrpcFraming.Parse(EchoReply.Parser, payload, true, "gzip", null));
    }

    [Fact]
    public void Garbage_payload_is_internal()
    {
        var error = Assert.Throws<RpcException>(() => GrpcFraming.Parse(EchoReply.Parser, new byte[] { 0xFF, 0xFF, 0xFF }, false, null, null));
        Assert.Equal(StatusCode.Internal, error.StatusCode);
    }

    [Fact]
    public async Task Stream_reader_reads_messages_split_across_reads()
    {
        using var writer = new PooledBufferWriter();
        for (var i = 0; i < 5; i++)
            GrpcFraming.WriteMessage(writer, new EchoReply { Text = "m" + i, Payload = ByteString.CopyFrom(new byte[i * 3000]) });
        using var stream = new TrickleStream(writer.WrittenSpan.ToArray(), 1000);
        using var reader = new StreamMessageReader(stream, 16);
        for (var i = 0; i < 5; i++)
        {
            Assert.True(await reader.ReadAsync(null, CancellationToken.None));
            Assert.Equal("m" + i, GrpcFraming.Parse(EchoReply.Parser, reader.Payload, reader.Compressed, null, null).Text);
        }

        Assert.False(await reader.ReadAsync(null, CancellationToken.None));
    }

    [Fact]
    public async Task Stream_reader_reports_a_truncated_message()
    {
        using var writer = new PooledBufferWriter();
        GrpcFraming.WriteMessage(writer, new EchoReply { Text = "truncated" });
        using var stream = new MemoryStream(writer.WrittenSpan[..^2].ToArray());
        using var reader = new StreamMessageReader(stream);
        var error = await Assert.ThrowsAsync<RpcException>(async () => await reader.ReadAsync(null, CancellationToken.None));
        Assert.Equal(StatusCode.Internal, error.StatusCode);
    }

    [Fact]
    public void Metadata_normalises_and_validates_keys()
    {
        var metadata = new Metadata { { "X-Custom", "v" } };
        metadata.Add("data-bin", new byte[] { 1, 2, 3 });
        Assert.Equal("x-custom", metadata[0].Key);
        Assert.Equal("v", metadata.GetValue("x-custom"));
        Assert.Equal("AQID", metadata[1].Value);
        Assert.Equal(new byte[] { 1, 2, 3 }, metadata.GetValueBytes("DATA-BIN"));
        Assert.Throws<ArgumentException>(() => metadata.Add("bad key", "v"));
        Assert.Throws<ArgumentException>(() => metadata.Add("text-bin", "v"));
        Assert.Throws<ArgumentException>(() => metadata.Add("bytes", new byte[] { 1 }));
        Assert.Throws<ArgumentException>(() => metadata.Add("k", "line\nbreak"));
        Assert.Equal(1, metadata.Remove("x-custom"));
        Assert.Single(metadata);
    }

    [Fact]
    public void Received_binary_metadata_accepts_padded_unpadded_and_joined_values()
    {
        var metadata = new Metadata();
        MetadataEncoding.AddEntry(metadata, "a-bin", "AQI");
        MetadataEncoding.AddEntry(metadata, "b-bin", "AQI=");
        MetadataEncoding.AddEntry(metadata, "c-bin", "AQ,Ag");
        MetadataEncoding.AddEntry(metadata, "d-bin", "!!!");
        Assert.Equal(new byte[] { 1, 2 }, metadata.GetValueBytes("a-bin"));
        Assert.Equal(new byte[] { 1, 2 }, metadata.GetValueBytes("b-bin"));
        Assert.Equal([new byte[] { 1 }, new byte[] { 2 }], metadata.GetAll("c-bin").Select(e => e.ValueBytes));
        Assert.Null(metadata.Get("d-bin"));
    }

    [Fact]
    public void Method_from_descriptor_checks_types_and_shape()
    {
        var method = Method<EchoRequest, EchoReply>.From(EchoMethods.Service, "Duplex");
        Assert.Equal("/alluxio.test.echo.Echo/Duplex", method.FullName);
        Assert.Equal(MethodType.DuplexStreaming, method.Type);
        Assert.Equal(MethodType.ServerStreaming, EchoMethods.ServerStream.Type);
        Assert.Equal(MethodType.ClientStreaming, EchoMethods.ClientStream.Type);

        var wrongType = Assert.Throws<ArgumentException>(() => Method<EchoRequest, SumReply>.From(EchoMethods.Service, "Unary"));
        Assert.Contains("alluxio.test.echo.EchoReply", wrongType.Message, StringComparison.Ordinal);
        var wrongShape = Assert.Throws<ArgumentException>(() => Method<EchoRequest, EchoReply>.From(EchoMethods.Service, "Unary", MethodType.ServerStreaming));
        Assert.Contains("is Unary", wrongShape.Message, StringComparison.Ordinal);
        var missing = Assert.Throws<ArgumentException>(() => Method<EchoRequest, EchoReply>.From(EchoMethods.Service, "Nope"));
        Assert.Contains("has no rpc 'Nope'", missing.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Status_codes_are_the_seventeen_standard_ones()
    {
        var values = Enum.GetValues<StatusCode>().Select(v => (int)v).ToArray();
        Assert.Equal(Enumerable.Range(0, 17), values);
        Assert.Equal("16", GrpcProtocol.StatusToString(StatusCode.Unauthenticated));
        Assert.Equal(StatusCode.Unimplemented, GrpcProtocol.FromHttpStatus(404));
        Assert.Equal(StatusCode.Unavailable, GrpcProtocol.FromHttpStatus(503));
        Assert.Equal(StatusCode.Unknown, GrpcProtocol.FromHttpStatus(418));
    }

    [Theory]
    [InlineData("application/grpc", true)]
    [InlineData("application/grpc+proto", true)]
    [InlineData("application/grpc; charset=utf-8", true)]
    [InlineData("application/grpc-web", false)]
    [InlineData("application/json", false)]
    [InlineData(null, false)]
    public void Content_types_are_recognised(string? contentType, bool expected) =>
        Assert.Equal(expected, GrpcProtocol.IsGrpcContentType(contentType));

    private static ReadOnlySequence<byte> Segments(byte[] bytes, int size)
    {
        Segment? first = null;
        Segment? last = null;
        for (var offset = 0; offset < bytes.Length; offset += size)
        {
            var chunk = bytes.AsMemory(offset, Math.Min(size, bytes.Length - offset));
            if (first is null)
                first = last = new Segment(chunk, 0);
            else
                last = last!.Append(chunk);
        }

        return new ReadOnlySequence<byte>(first!, 0, last!, last!.Memory.Length);
    }

    private sealed class Segment : ReadOnlySequenceSegment<byte>
    {
        public Segment(ReadOnlyMemory<byte> memory, long runningIndex)
        {
            Memory = memory;
            RunningIndex = runningIndex;
        }

        public Segment Append(ReadOnlyMemory<byte> memory)
        {
            var next = new Segment(memory, RunningIndex + Memory.Length);
            Next = next;
            return next;
        }
    }

    /// <summary>A stream that returns at most a few bytes per read, like a slow network.</summary>
    private sealed class TrickleStream(byte[] data, int chunk) : MemoryStream(data)
    {
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            base.ReadAsync(buffer[..Math.Min(buffer.Length, chunk)], cancellationToken);
    }
}
