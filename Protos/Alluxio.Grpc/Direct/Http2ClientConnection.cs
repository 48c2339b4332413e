using System.Buffers;
using System.Buffers.Binary;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using Alluxio.Grpc.Http2;
using Alluxio.Grpc.Http2.Hpack;

namespace Alluxio.Grpc.Direct;

/// <summary>
/// The client side of one HTTP/2 connection that carries one stream at a time, driven by that stream's caller: no
/// background reader, the caller's reads and writes pull frames as they need them (<see cref="PumpAsync"/>), handling
/// SETTINGS, PING, WINDOW_UPDATE and GOAWAY on the way. A DATA payload of the stream goes from the socket straight
/// into the caller's memory (<see cref="ReadDataAsync"/>); DATA that arrives while the caller is still sending is kept
/// (<see cref="ClientStream.Early"/>), bounded by the receive window, which is given back only as bytes are read.
/// Not thread-safe: one call, one thread of control at a time. Any failure leaves the connection broken; it is then
/// closed, never reused.
/// </summary>
internal sealed partial class Http2ClientConnection : IDisposable
{
    private static readonly byte[] s_preface = "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n"u8.ToArray();

    private readonly Socket _socket;
    private readonly Stream _stream;
    private readonly Http2FrameReader _reader;
    private readonly Http2FrameWriter _writer;
    private readonly HpackDecoder _decoder = new();
    private readonly Http2Settings _peer = new();
    private readonly ArrayBufferWriter<byte> _headerBlock = new();
    private readonly List<HeaderField> _fields = [];
    private readonly byte[] _control = new byte[64];
    private readonly int _windowSize;
    private long _sendWindow = Http2Settings.DefaultWindowSize;
    private long _receiveWindow;
    private int _unacknowledged;
    private int _nextStreamId = 1;
    private int _continuationStream;
    private bool _continuationEndStream;
    private ClientStream? _current;
    private int _dataStream; // the stream of the DATA frame whose payload is being read, 0 when none
    private int _dataRemaining;
    private int _dataPadding;
    private bool _dataEndStream;
    private bool _goneAway;
    private int _disposed;

    private Http2ClientConnection(Socket socket, Stream stream, int windowSize)
    {
        _socket = socket;
        _stream = stream;
        _windowSize = windowSize;
        _receiveWindow = windowSize;
        _reader = new Http2FrameReader(stream);
        _writer = new Http2FrameWriter(stream);
    }

    /// <summary>When the connection last finished a call (for the idle timeout).</summary>
    public DateTimeOffset IdleSince { get; set; }

    /// <summary>Whether a failure or the server's GOAWAY rules out another call on this connection.</summary>
    public bool Broken { get; private set; }

    /// <summary>
    /// Readies an idle connection for another call: frames that arrived since the last one (WINDOW_UPDATE, SETTINGS,
    /// PING, late frames of the ended stream) are handled; false when it cannot carry a call (broken, GOAWAY, closed
    /// by the server, out of stream ids).
    /// </summary>
    public async ValueTask<bool> TryPrepareAsync()
    {
        if (Broken || _goneAway || _nextStreamId > int.MaxValue - 2)
            return false;
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(1));
            while (_reader.Buffered > 0 || _socket.Available > 0 || _socket.Poll(0, SelectMode.SelectRead))
            {
                if (_reader.Buffered == 0 && _socket.Available == 0)
                    return false; // readable with nothing to read: the server closed it
                await PumpAsync(timeout.Token).ConfigureAwait(false);
                if (_goneAway)
                    return false;
            }

            return !Broken;
        }
        catch (Exception e) when (e is IOException or SocketException or ObjectDisposedException or OperationCanceledException or Http2Exception)
        {
            Broken = true;
            return false;
        }
    }

    /// <summary>Connects, sends the preface and SETTINGS (push off, the receive window, the largest frame the protocol allows).</summary>
    public static async Task<Http2ClientConnection> ConnectAsync(Uri address, DirectChannelOptions options, CancellationToken cancellationToken)
    {
        var tls = address.Scheme == Uri.UriSchemeHttps;
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        Stream stream;
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(options.ConnectTimeout);
            try
            {
                var host = address.IdnHost;
                if (IPAddress.TryParse(host, out var ip))
                    await socket.ConnectAsync(new IPEndPoint(ip, address.Port), timeout.Token).ConfigureAwait(false);
                else
                    await socket.ConnectAsync(new DnsEndPoint(host, address.Port), timeout.Token).ConfigureAwait(false);
                stream = new NetworkStream(socket, ownsSocket: true);
                if (tls)
                {
                    var ssl = new SslStream(stream, leaveInnerStreamOpen: false, options.RemoteCertificateValidationCallback);
                    stream = ssl;
                    await ssl.AuthenticateAsClientAsync(new SslClientAuthenticationOptions
                    {
                        TargetHost = host,
                        ApplicationProtocols = [SslApplicationProtocol.Http2],
                        ClientCertificates = options.ClientCertificates,
                    }, timeout.Token).ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw new IOException($"Connecting to {address.Authority} took longer than {options.ConnectTimeout}.");
            }
        }
        catch
        {
            socket.Dispose();
            throw;
        }

        var connection = new Http2ClientConnection(socket, stream, options.ReceiveWindowSize);
        try
        {
            await connection.HandshakeAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            connection.Dispose();
            throw;
        }

        return connection;
    }

    /// <summary>Opens the next stream with its request headers.</summary>
    public async ValueTask<ClientStream> OpenStreamAsync(IReadOnlyList<KeyValuePair<string, string>> headers, CancellationToken cancellationToken)
    {
        var stream = new ClientStream(_nextStreamId, _peer.InitialWindowSize, _windowSize);
        _nextStreamId += 2;
        _current = stream;
        var block = new ArrayBufferWriter<byte>(256);
        foreach (var (name, value) in headers)
            HpackEncoder.Encode(block, name, value);
        try
        {
            await using var lease = await _writer.AcquireAsync(cancellationToken).ConfigureAwait(false);
            await lease.WriteHeadersAsync(stream.Id, block.WrittenMemory, endStream: false).ConfigureAwait(false);
        }
        catch
        {
            Broken = true;
            throw;
        }

        return stream;
    }

    /// <summary>
    /// Sends <paramref name="data"/> on the stream as DATA frames within the server's windows, pulling frames while
    /// there is no window; stops early (returns false) when the server has already ended or reset the stream.
    /// </summary>
    public async ValueTask<bool> SendDataAsync(ClientStream stream, ReadOnlyMemory<byte> data, bool endStream, CancellationToken cancellationToken)
    {
        try
        {
            return await SendDataCoreAsync(stream, data, endStream, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            Broken = true;
            throw;
        }
    }

    private async ValueTask<bool> SendDataCoreAsync(ClientStream stream, ReadOnlyMemory<byte> data, bool endStream, CancellationToken cancellationToken)
    {
        while (true)
        {
            if (stream.RemoteEnded || stream.ResetCode is not null)
                return false;
            var room = (int)Math.Min(Math.Min(stream.SendWindow, _sendWindow), _peer.MaxFrameSize);
            if (room <= 0 && !data.IsEmpty)
            {
                await PumpAsync(cancellationToken).ConfigureAwait(false);
                continue;
            }

            var n = Math.Min(Math.Max(room, 0), data.Length);
            var last = endStream && n == data.Length;
            var payload = data[..n];
            await using (var lease = await _writer.AcquireAsync(cancellationToken).ConfigureAwait(false))
                await lease.WriteFrameAsync(new Http2FrameHeader(n, Http2FrameType.Data, last ? Http2FrameFlags.EndStream : Http2FrameFlags.None, stream.Id), payload).ConfigureAwait(false);
            stream.SendWindow -= n;
            _sendWindow -= n;
            data = data[n..];
            if (last)
                stream.LocalEnded = true;
            if (data.IsEmpty)
                return true;
        }
    }

    /// <summary>
    /// Reads between 1 and <paramref name="destination"/>'s length bytes of the stream's DATA; 0 once the server ended
    /// (or reset) the stream and every byte was read.
    /// </summary>
    public async ValueTask<int> ReadDataAsync(ClientStream stream, Memory<byte> destination, CancellationToken cancellationToken)
    {
        try
        {
            return await ReadDataCoreAsync(stream, destination, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            Broken = true;
            throw;
        }
    }

    private async ValueTask<int> ReadDataCoreAsync(ClientStream stream, Memory<byte> destination, CancellationToken cancellationToken)
    {
        while (true)
        {
            if (stream.EarlyAvailable > 0)
            {
                var n = Math.Min(stream.EarlyAvailable, destination.Length);
                stream.Early!.WrittenSpan.Slice(stream.EarlyRead, n).CopyTo(destination.Span);
                stream.EarlyRead += n;
                await ConsumedAsync(stream, n, cancellationToken).ConfigureAwait(false);
                return n;
            }

            if (_dataStream == stream.Id && _dataRemaining > 0)
            {
                var want = Math.Min(_dataRemaining, destination.Length);
                var n = await _reader.ReadSomeAsync(destination[..want], cancellationToken).ConfigureAwait(false);
                _dataRemaining -= n;
                if (_dataRemaining == 0)
                    await FinishDataFrameAsync(cancellationToken).ConfigureAwait(false);
                await ConsumedAsync(stream, n, cancellationToken).ConfigureAwait(false);
                return n;
            }

            if (stream.RemoteEnded || stream.ResetCode is not null)
                return 0;
            await PumpAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Reads frames until the stream's response headers arrive (or it ends).</summary>
    public async ValueTask WaitForHeadersAsync(ClientStream stream, CancellationToken cancellationToken)
    {
        try
        {
            while (stream.ResponseHeaders is null && !stream.RemoteEnded && stream.ResetCode is null)
                await PumpAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            Broken = true;
            throw;
        }
    }

    /// <summary>Sends RST_STREAM for a stream given up early (best effort; the connection is not reused after it).</summary>
    public async ValueTask ResetAsync(ClientStream stream, Http2ErrorCode code)
    {
        Broken = true;
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(1));
            await using var lease = await _writer.AcquireAsync(timeout.Token).ConfigureAwait(false);
            await lease.WriteRstStreamAsync(stream.Id, code).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or OperationCanceledException or SocketException)
        {
        }
    }

    /// <summary>The call on the current stream is over.</summary>
    public void EndStream(ClientStream stream)
    {
        if (!stream.RemoteEnded || !stream.LocalEnded || stream.ResetCode is not null || stream.EarlyAvailable > 0 || _dataRemaining > 0)
            Broken = true;
        stream.Early?.Dispose();
        stream.Early = null;
        _current = null;
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
            return;
        Broken = true;
        _stream.Dispose();
        _writer.Dispose();
    }

    private async Task HandshakeAsync(CancellationToken cancellationToken)
    {
        var settings = new Http2Settings
        {
            EnablePush = false,
            InitialWindowSize = _windowSize,
            MaxFrameSize = Http2FrameHeader.MaxLength,
            MaxConcurrentStreams = 0, // the server may not push, and opens no streams
        }.Encode();
        await using var lease = await _writer.AcquireAsync(cancellationToken).ConfigureAwait(false);
        await _stream.WriteAsync(s_preface, cancellationToken).ConfigureAwait(false);
        await lease.WriteFrameAsync(new Http2FrameHeader(settings.Length, Http2FrameType.Settings, Http2FrameFlags.None, 0), settings).ConfigureAwait(false);
        if (_windowSize > Http2Settings.DefaultWindowSize)
            await lease.WriteWindowUpdateAsync(0, _windowSize - Http2Settings.DefaultWindowSize).ConfigureAwait(false);
    }

    /// <summary>Reads and handles one frame. A pending DATA payload of the stream is moved aside first (kept until read).</summary>
    private async ValueTask PumpAsync(CancellationToken cancellationToken)
    {
        if (_dataRemaining > 0)
        {
            await KeepPendingDataAsync(cancellationToken).ConfigureAwait(false);
            return;
        }

        // Small read-ahead while a stream is open: the next DATA payload then goes straight to its reader.
        var next = await _reader.ReadHeaderAsync(_current is null ? int.MaxValue : 64, cancellationToken).ConfigureAwait(false);
        if (next is not { } header)
        {
            Broken = true;
            throw new IOException("The server closed the connection.");
        }

        if (_continuationStream != 0 && header.Type != Http2FrameType.Continuation)
            throw Fail(Http2ErrorCode.ProtocolError, $"A {header.Type} frame interrupts a header block.");
        switch (header.Type)
        {
            case Http2FrameType.Data:
                await OnDataAsync(header, cancellationToken).ConfigureAwait(false);
                break;
            case Http2FrameType.Headers:
                await OnHeadersAsync(header, cancellationToken).ConfigureAwait(false);
                break;
            case Http2FrameType.Continuation:
                if (header.StreamId != _continuationStream || _continuationStream == 0)
                    throw Fail(Http2ErrorCode.ProtocolError, "A CONTINUATION frame without a header block to continue.");
                await ReadFragmentAsync(header.Length, cancellationToken).ConfigureAwait(false);
                if (header.Has(Http2FrameFlags.EndHeaders))
                {
                    var id = _continuationStream;
                    _continuationStream = 0;
                    OnHeaderBlock(id, _continuationEndStream);
                }

                break;
            case Http2FrameType.RstStream:
                var code = (Http2ErrorCode)BinaryPrimitives.ReadUInt32BigEndian((await ReadControlAsync(header, 4, cancellationToken).ConfigureAwait(false)).Span);
                if (_current is { } reset && reset.Id == header.StreamId)
                    reset.ResetCode = code;
                break;
            case Http2FrameType.Settings:
                await OnSettingsAsync(header, cancellationToken).ConfigureAwait(false);
                break;
            case Http2FrameType.Ping:
                var ping = (await ReadControlAsync(header, 8, cancellationToken).ConfigureAwait(false)).ToArray();
                if (!header.Has(Http2FrameFlags.Ack))
                    await WriteControlAsync(new Http2FrameHeader(8, Http2FrameType.Ping, Http2FrameFlags.Ack, 0), ping, cancellationToken).ConfigureAwait(false);
                break;
            case Http2FrameType.GoAway:
                await OnGoAwayAsync(header, cancellationToken).ConfigureAwait(false);
                break;
            case Http2FrameType.WindowUpdate:
                var increment = BinaryPrimitives.ReadUInt32BigEndian((await ReadControlAsync(header, 4, cancellationToken).ConfigureAwait(false)).Span) & 0x7fffffff;
                if (header.StreamId == 0)
                    _sendWindow += increment;
                else if (_current is { } updated && updated.Id == header.StreamId)
                    updated.SendWindow += increment;
                break;
            case Http2FrameType.PushPromise:
                throw Fail(Http2ErrorCode.ProtocolError, "The server sent PUSH_PROMISE with push disabled.");
            default:
                await _reader.SkipAsync(header.Length, cancellationToken).ConfigureAwait(false);
                break;
        }
    }
}
