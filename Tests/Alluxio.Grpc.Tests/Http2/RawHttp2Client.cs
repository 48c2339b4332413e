using System.Buffers;
using System.Buffers.Binary;
using System.Net.Sockets;
using Alluxio.Grpc.Http2;
using Alluxio.Grpc.Http2.Hpack;
using Alluxio.Grpc.Protocol;
using Google.Protobuf;

namespace Alluxio.Grpc.Tests.Http2;

/// <summary>A hand-driven HTTP/2 client for protocol tests: sends any frame, well-formed or not, and reads frames back.</summary>
internal sealed class RawHttp2Client : IAsyncDisposable
{
    public static readonly byte[] Preface = "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n"u8.ToArray();

    private readonly TcpClient _tcp;
    private readonly NetworkStream _stream;
    private readonly Http2FrameReader _reader;
    private readonly Http2FrameWriter _writer;
    private readonly HpackDecoder _decoder = new();

    private RawHttp2Client(TcpClient tcp)
    {
        _tcp = tcp;
        _stream = tcp.GetStream();
        _reader = new Http2FrameReader(_stream);
        _writer = new Http2FrameWriter(_stream) { MaxFrameSize = Http2FrameHeader.MaxLength };
    }

    public NetworkStream Stream => _stream;

    /// <summary>Connects; with <paramref name="handshake"/>, sends the preface and an empty SETTINGS.</summary>
    public static async Task<RawHttp2Client> ConnectAsync(int port, bool handshake = true)
    {
        var tcp = new TcpClient { NoDelay = true };
        await tcp.ConnectAsync(System.Net.IPAddress.Loopback, port);
        var client = new RawHttp2Client(tcp);
        if (handshake)
        {
            await client.WriteRawAsync(Preface);
            await client.SendAsync(Http2FrameType.Settings, Http2FrameFlags.None, 0, []);
        }

        return client;
    }

    public async Task WriteRawAsync(byte[] bytes) => await _stream.WriteAsync(bytes);

    public async Task SendAsync(Http2FrameType type, Http2FrameFlags flags, int streamId, byte[] payload) =>
        await _writer.WriteFrameAsync(new Http2FrameHeader(payload.Length, type, flags, streamId), payload);

    /// <summary>Sends a request's headers (POST, http, the path, gRPC content type) plus <paramref name="extra"/>.</summary>
    public Task SendRequestAsync(int streamId, string path, bool endStream = false, IEnumerable<(string, string)>? extra = null, string method = "POST", string contentType = GrpcProtocol.ContentType)
    {
        var fields = new List<(string, string)> { (":method", method), (":scheme", "http"), (":path", path), (":authority", "localhost"), ("content-type", contentType), ("te", "trailers") };
        fields.AddRange(extra ?? []);
        return SendAsync(Http2FrameType.Headers, Http2FrameFlags.EndHeaders | (endStream ? Http2FrameFlags.EndStream : Http2FrameFlags.None), streamId, Encode(fields));
    }

    /// <summary>A framed gRPC message as a DATA payload.</summary>
    public static byte[] Message(IMessage message)
    {
        var body = new byte[GrpcFraming.HeaderSize + message.CalculateSize()];
        GrpcFraming.WriteHeader(body, false, body.Length - GrpcFraming.HeaderSize);
        message.WriteTo(body.AsSpan(GrpcFraming.HeaderSize));
        return body;
    }

    public static byte[] Encode(IEnumerable<(string Name, string Value)> fields)
    {
        var block = new ArrayBufferWriter<byte>();
        foreach (var (name, value) in fields)
            HpackEncoder.Encode(block, name, value);
        return block.WrittenSpan.ToArray();
    }

    public static byte[] UInt32(uint value)
    {
        var bytes = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(bytes, value);
        return bytes;
    }

    /// <summary>The next frame (payload whole), or null when the server closed the connection.</summary>
    public async Task<(Http2FrameHeader Header, byte[] Payload)?> ReadFrameAsync()
    {
        Http2FrameHeader? header;
        try
        {
            header = await _reader.ReadHeaderAsync();
        }
        catch (IOException)
        {
            return null; // reset by the server
        }

        if (header is not { } h)
            return null;
        var payload = new byte[h.Length];
        await _reader.ReadExactlyAsync(payload);
        return (h, payload);
    }

    /// <summary>Reads frames until one of <paramref name="type"/> (on <paramref name="streamId"/> when given); null if the connection closed first.</summary>
    public async Task<(Http2FrameHeader Header, byte[] Payload)?> ReadUntilAsync(Http2FrameType type, int? streamId = null)
    {
        while (await ReadFrameAsync() is { } frame)
        {
            if (frame.Header.Type == type && (streamId is null || frame.Header.StreamId == streamId))
                return frame;
        }

        return null;
    }

    /// <summary>The error code of the server's GOAWAY (reading frames until it comes); null when the connection closed without one.</summary>
    public async Task<Http2ErrorCode?> GoAwayCodeAsync()
    {
        var frame = await ReadUntilAsync(Http2FrameType.GoAway);
        return frame is { } f ? (Http2ErrorCode)BinaryPrimitives.ReadUInt32BigEndian(f.Payload.AsSpan(4)) : null;
    }

    /// <summary>Decodes a HEADERS payload (no padding or priority) of this connection.</summary>
    public List<HeaderField> Decode(byte[] block)
    {
        var fields = new List<HeaderField>();
        _decoder.Decode(block, fields);
        return fields;
    }

    /// <summary>Reads the response of <paramref name="streamId"/> to its end: headers, data bytes and trailers (or the reset code).</summary>
    public async Task<RawResponse> ReadResponseAsync(int streamId)
    {
        var response = new RawResponse();
        while (await ReadFrameAsync() is { } frame)
        {
            var (header, payload) = frame;
            if (header.StreamId != streamId)
                continue;
            switch (header.Type)
            {
                case Http2FrameType.Headers:
                    var fields = Decode(payload);
                    if (response.Headers is null)
                        response.Headers = fields;
                    else
                        response.Trailers = fields;
                    break;
                case Http2FrameType.Data:
                    response.Data.AddRange(payload);
                    break;
                case Http2FrameType.RstStream:
                    response.Reset = (Http2ErrorCode)BinaryPrimitives.ReadUInt32BigEndian(payload);
                    return response;
            }

            if (header.Has(Http2FrameFlags.EndStream))
                return response;
        }

        response.Closed = true;
        return response;
    }

    public async ValueTask DisposeAsync()
    {
        _writer.Dispose();
        await _stream.DisposeAsync();
        _tcp.Dispose();
    }

    /// <summary>What came back on one stream.</summary>
    internal sealed class RawResponse
    {
        public List<HeaderField>? Headers { get; set; }

        public List<HeaderField>? Trailers { get; set; }

        public List<byte> Data { get; } = [];

        public Http2ErrorCode? Reset { get; set; }

        public bool Closed { get; set; }

        public string? Header(string name) => Headers?.FirstOrDefault(h => h.Name == name).Value;

        public string? Trailer(string name) => (Trailers ?? Headers)?.FirstOrDefault(h => h.Name == name).Value;
    }
}
