using System.Buffers;
using System.Buffers.Binary;
using Google.Protobuf;

namespace Alluxio.Grpc.Protocol;

/// <summary>
/// Length-prefixed messages: 1-byte compressed flag, 4-byte big-endian length, then the (possibly compressed)
/// protobuf bytes. DATA frame boundaries mean nothing; a message may span frames and a frame may hold several.
/// </summary>
public static class GrpcFraming
{
    /// <summary>Size of the prefix before each message.</summary>
    public const int HeaderSize = 5;

    // Messages up to this size are serialised straight into one span of the writer (the fast path).
    private const int ContiguousLimit = 16 * 1024;

    /// <summary>
    /// Writes one message with its prefix into <paramref name="writer"/> without an intermediate copy (for
    /// uncompressed messages). Throws RESOURCE_EXHAUSTED when the message is larger than <paramref name="maxSize"/>.
    /// </summary>
    /// <returns>Bytes written including the prefix.</returns>
    public static int WriteMessage(IBufferWriter<byte> writer, IMessage message, int? maxSize = null, MessageCompression compression = MessageCompression.None)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(message);
        var size = message.CalculateSize();
        CheckSendSize(size, maxSize);
        if (compression == MessageCompression.Gzip)
            return WriteCompressed(writer, message, size);

        if (size <= ContiguousLimit)
        {
            var span = writer.GetSpan(HeaderSize + size);
            if (span.Length >= HeaderSize + size)
            {
                WriteHeader(span, false, size);
                message.WriteTo(span.Slice(HeaderSize, size));
                writer.Advance(HeaderSize + size);
                return HeaderSize + size;
            }
        }

        WriteHeader(writer.GetSpan(HeaderSize), false, size);
        writer.Advance(HeaderSize);
        if (size > 0)
            message.WriteTo(writer);
        return HeaderSize + size;
    }

    /// <summary>
    /// Writes one message of <paramref name="length"/> bytes that <paramref name="fill"/> serializes straight into
    /// <paramref name="writer"/>'s buffer (uncompressed; one copy less than serializing a message that holds the
    /// bytes). Nothing is committed to the writer when <paramref name="fill"/> throws. RESOURCE_EXHAUSTED when the
    /// message is larger than <paramref name="maxSize"/>.
    /// </summary>
    /// <returns>Bytes written including the prefix.</returns>
    public static int WritePayload(IBufferWriter<byte> writer, int length, PayloadFill fill, int? maxSize = null, MessageCompression compression = MessageCompression.None)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(fill);
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        CheckSendSize(length, maxSize);
        if (compression == MessageCompression.None)
        {
            var span = writer.GetSpan(HeaderSize + length);
            if (span.Length >= HeaderSize + length)
            {
                fill(span.Slice(HeaderSize, length));
                WriteHeader(span, false, length);
                writer.Advance(HeaderSize + length);
                return HeaderSize + length;
            }
        }

        // Compressed, or a writer that cannot hand out one span this large: serialize aside first.
        using var raw = new PooledBufferWriter(Math.Max(length, 1));
        fill(raw.GetSpan(length).Slice(0, length));
        raw.Advance(length);
        if (compression == MessageCompression.Gzip)
            return WriteCompressed(writer, raw.WrittenSpan);
        WriteHeader(writer.GetSpan(HeaderSize), false, length);
        writer.Advance(HeaderSize);
        CopyTo(writer, raw.WrittenSpan);
        return HeaderSize + length;
    }

    /// <summary>Writes the 5-byte prefix.</summary>
    public static void WriteHeader(Span<byte> destination, bool compressed, int length)
    {
        destination[0] = compressed ? (byte)1 : (byte)0;
        BinaryPrimitives.WriteUInt32BigEndian(destination.Slice(1), (uint)length);
    }

    /// <summary>Throws RESOURCE_EXHAUSTED when <paramref name="size"/> passes the send limit.</summary>
    public static void CheckSendSize(int size, int? maxSize)
    {
        if (maxSize is { } max && size > max)
            throw new RpcException(new Status(StatusCode.ResourceExhausted, $"Sending message larger than max ({size} vs. {max})"));
    }

    /// <summary>Throws RESOURCE_EXHAUSTED when a received length passes the receive limit.</summary>
    public static void CheckReceiveSize(long size, int? maxSize)
    {
        if (maxSize is { } max && size > max)
            throw new RpcException(new Status(StatusCode.ResourceExhausted, $"Received message larger than max ({size} vs. {max})"));
    }

    /// <summary>Reads and checks a 5-byte prefix.</summary>
    public static int ReadHeader(ReadOnlySpan<byte> header, int? maxSize, out bool compressed)
    {
        compressed = header[0] switch
        {
            0 => false,
            1 => true,
            var flag => throw new RpcException(new Status(StatusCode.Internal, $"Invalid compressed flag {flag} in message prefix")),
        };
        var length = BinaryPrimitives.ReadUInt32BigEndian(header.Slice(1));
        CheckReceiveSize(length, maxSize);
        if (length > int.MaxValue)
            throw new RpcException(new Status(StatusCode.ResourceExhausted, $"Received message larger than max ({length} vs. {int.MaxValue})"));
        return (int)length;
    }

    /// <summary>
    /// Takes one whole message off the front of <paramref name="buffer"/>. False (buffer untouched) when the buffer
    /// holds only part of it. The size check happens as soon as the prefix is there.
    /// </summary>
    public static bool TryReadMessage(ref ReadOnlySequence<byte> buffer, int? maxSize, out bool compressed, out ReadOnlySequence<byte> payload)
    {
        payload = default;
        compressed = false;
        if (buffer.Length < HeaderSize)
            return false;
        Span<byte> header = stackalloc byte[HeaderSize];
        buffer.Slice(0, HeaderSize).CopyTo(header);
        var length = ReadHeader(header, maxSize, out compressed);
        if (buffer.Length - HeaderSize < length)
            return false;
        payload = buffer.Slice(HeaderSize, length);
        buffer = buffer.Slice(payload.End);
        return true;
    }

    /// <summary>
    /// Parses a message payload, decompressing it first when flagged. <paramref name="encoding"/> is the peer's
    /// <c>grpc-encoding</c>. Parse failures become INTERNAL.
    /// </summary>
    public static T Parse<T>(MessageParser<T> parser, ReadOnlySequence<byte> payload, bool compressed, string? encoding, int? maxSize)
        where T : IMessage<T>
    {
        if (!compressed)
            return ParseCore(parser, payload);

        using var inflated = Decompress(payload, encoding, maxSize);
        return ParseCore(parser, new ReadOnlySequence<byte>(inflated.WrittenMemory));
    }

    /// <summary>As <see cref="Parse{T}(MessageParser{T}, ReadOnlySequence{byte}, bool, string?, int?)"/> for contiguous bytes.</summary>
    public static T Parse<T>(MessageParser<T> parser, ReadOnlyMemory<byte> payload, bool compressed, string? encoding, int? maxSize)
        where T : IMessage<T>
    {
        if (!compressed)
        {
            try
            {
                return parser.ParseFrom(payload.Span);
            }
            catch (InvalidProtocolBufferException ex)
            {
                throw ParseFailed(ex);
            }
        }

        return Parse(parser, new ReadOnlySequence<byte>(payload), compressed, encoding, maxSize);
    }

    /// <summary>
    /// Decompresses a payload that came with the compressed flag, under the peer's <c>grpc-encoding</c>
    /// <paramref name="encoding"/>; INTERNAL / UNIMPLEMENTED as <see cref="Parse{T}(MessageParser{T}, ReadOnlyMemory{byte}, bool, string?, int?)"/>.
    /// The caller disposes the result.
    /// </summary>
    public static PooledBufferWriter Decompress(ReadOnlyMemory<byte> payload, string? encoding, int? maxSize) =>
        Decompress(new ReadOnlySequence<byte>(payload), encoding, maxSize);

    private static PooledBufferWriter Decompress(ReadOnlySequence<byte> payload, string? encoding, int? maxSize)
    {
        CheckCompressedAllowed(encoding);
        return GzipCodec.Decompress(payload, maxSize);
    }

    /// <summary>True when a <c>grpc-encoding</c> value is one this implementation decodes.</summary>
    public static bool IsSupportedEncoding(string? encoding) =>
        encoding is null || encoding.Length == 0
        || string.Equals(encoding, GrpcProtocol.IdentityEncoding, StringComparison.OrdinalIgnoreCase)
        || string.Equals(encoding, GrpcProtocol.GzipEncoding, StringComparison.OrdinalIgnoreCase);

    private static void CheckCompressedAllowed(string? encoding)
    {
        if (string.Equals(encoding, GrpcProtocol.GzipEncoding, StringComparison.OrdinalIgnoreCase))
            return;
        if (encoding is null || encoding.Length == 0 || string.Equals(encoding, GrpcProtocol.IdentityEncoding, StringComparison.OrdinalIgnoreCase))
            throw new RpcException(new Status(StatusCode.Internal, "Compressed message received without a grpc-encoding"));
        throw new RpcException(new Status(StatusCode.Unimplemented, $"Unsupported grpc-encoding '{encoding}'; supported: {GrpcProtocol.SupportedEncodings}"));
    }

    private static T ParseCore<T>(MessageParser<T> parser, ReadOnlySequence<byte> payload)
        where T : IMessage<T>
    {
        try
        {
            return payload.IsSingleSegment ? parser.ParseFrom(payload.FirstSpan) : parser.ParseFrom(payload);
        }
        catch (InvalidProtocolBufferException ex)
        {
            throw ParseFailed(ex);
        }
    }

    private static RpcException ParseFailed(Exception ex) =>
        new(new Status(StatusCode.Internal, "Failed to deserialize message: " + ex.Message, ex));

    private static int WriteCompressed(IBufferWriter<byte> writer, IMessage message, int size)
    {
        using var raw = new PooledBufferWriter(size);
        message.WriteTo(raw.GetSpan(size).Slice(0, size));
        raw.Advance(size);
        return WriteCompressed(writer, raw.WrittenSpan);
    }

    private static int WriteCompressed(IBufferWriter<byte> writer, ReadOnlySpan<byte> serialized)
    {
        using var packed = new PooledBufferWriter(Math.Max(64, serialized.Length / 2));
        GzipCodec.Compress(serialized, packed);
        var length = packed.WrittenCount;
        WriteHeader(writer.GetSpan(HeaderSize), true, length);
        writer.Advance(HeaderSize);
        CopyTo(writer, packed.WrittenSpan);
        return HeaderSize + length;
    }

    private static void CopyTo(IBufferWriter<byte> writer, ReadOnlySpan<byte> remaining)
    {
        while (remaining.Length > 0)
        {
            var span = writer.GetSpan(Math.Min(remaining.Length, 64 * 1024));
            var n = Math.Min(span.Length, remaining.Length);
            remaining.Slice(0, n).CopyTo(span);
            writer.Advance(n);
            remaining = remaining.Slice(n);
        }
    }
}
