using System.Buffers.Binary;

namespace Alluxio.Grpc.Http2;

/// <summary>The 9-byte header every HTTP/2 frame starts with: 24-bit length, type, flags, 31-bit stream id.</summary>
public readonly record struct Http2FrameHeader(int Length, Http2FrameType Type, Http2FrameFlags Flags, int StreamId)
{
    /// <summary>Bytes of a frame header.</summary>
    public const int Size = 9;

    /// <summary>The largest payload the protocol can state (2^24 - 1).</summary>
    public const int MaxLength = (1 << 24) - 1;

    /// <summary>Whether <paramref name="flag"/> is set.</summary>
    public bool Has(Http2FrameFlags flag) => (Flags & flag) == flag;

    /// <summary>Reads a header from its 9 bytes (the reserved bit of the stream id is ignored, as the protocol asks).</summary>
    public static Http2FrameHeader Read(ReadOnlySpan<byte> source)
    {
        var length = (source[0] << 16) | (source[1] << 8) | source[2];
        var streamId = (int)(BinaryPrimitives.ReadUInt32BigEndian(source[5..]) & 0x7fffffffu);
        return new Http2FrameHeader(length, (Http2FrameType)source[3], (Http2FrameFlags)source[4], streamId);
    }

    /// <summary>Writes this header into the first 9 bytes of <paramref name="destination"/>.</summary>
    public void Write(Span<byte> destination)
    {
        if ((uint)Length > MaxLength)
            throw new ArgumentOutOfRangeException(nameof(Length), Length, "A frame payload is at most 2^24 - 1 bytes.");
        destination[0] = (byte)(Length >> 16);
        destination[1] = (byte)(Length >> 8);
        destination[2] = (byte)Length;
        destination[3] = (byte)Type;
        destination[4] = (byte)Flags;
        BinaryPrimitives.WriteUInt32BigEndian(destination[5..], (uint)StreamId & 0x7fffffffu);
    }
}
