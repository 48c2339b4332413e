using Alluxio.Grpc.Http2.Hpack;
using Alluxio.Grpc.Protocol;

namespace Alluxio.Grpc.Direct;

/// <summary>The state of the one stream a <see cref="Http2ClientConnection"/> carries at a time.</summary>
internal sealed class ClientStream(int id, int sendWindow, int receiveWindow)
{
    public int Id { get; } = id;

    /// <summary>The server's window for what this side sends (may go negative on a settings change).</summary>
    public long SendWindow { get; set; } = sendWindow;

    /// <summary>What the server may still send on this stream before this side gives window back.</summary>
    public long ReceiveWindow { get; set; } = receiveWindow;

    /// <summary>Bytes consumed and not yet given back by a WINDOW_UPDATE.</summary>
    public int Unacknowledged { get; set; }

    public List<HeaderField>? ResponseHeaders { get; set; }

    public List<HeaderField>? Trailers { get; set; }

    /// <summary>The server ended its side (END_STREAM).</summary>
    public bool RemoteEnded { get; set; }

    /// <summary>This side ended its side.</summary>
    public bool LocalEnded { get; set; }

    /// <summary>The stream was reset (by RST_STREAM, or a GOAWAY that left it unprocessed), with this code.</summary>
    public Http2.Http2ErrorCode? ResetCode { get; set; }

    /// <summary>A GOAWAY said the server never processed the stream (safe to retry).</summary>
    public bool Refused { get; set; }

    /// <summary>DATA that arrived while this side was still sending, kept until read (bounded by the receive window).</summary>
    public PooledBufferWriter? Early { get; set; }

    public int EarlyRead { get; set; }

    public int EarlyAvailable => Early is null ? 0 : Early.WrittenCount - EarlyRead;
}
