namespace Alluxio.Grpc.Http2;

/// <summary>HTTP/2 frame flags (RFC 9113 section 6); a flag's meaning depends on the frame type.</summary>
[Flags]
public enum Http2FrameFlags : byte
{
    None = 0x0,

    /// <summary>DATA, HEADERS: the sender's last frame on the stream.</summary>
    EndStream = 0x1,

    /// <summary>SETTINGS, PING: an acknowledgement.</summary>
    Ack = 0x1,

    /// <summary>HEADERS, CONTINUATION: the header block ends in this frame.</summary>
    EndHeaders = 0x4,

    /// <summary>DATA, HEADERS: a pad length byte leads the payload and padding trails it.</summary>
    Padded = 0x8,

    /// <summary>HEADERS: the payload starts with a (deprecated) priority block of 5 bytes.</summary>
    Priority = 0x20,
}
