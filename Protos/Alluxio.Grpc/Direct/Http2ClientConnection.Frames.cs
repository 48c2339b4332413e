using System.Buffers.Binary;
using System.Net.Sockets;
using Alluxio.Grpc.Http2;
using Alluxio.Grpc.Protocol;

namespace Alluxio.Grpc.Direct;

/// <summary>The frames a pull brings in, and the window and control frames this side sends back.</summary>
internal sealed partial class Http2ClientConnection
{
    private async ValueTask OnDataAsync(Http2FrameHeader header, CancellationToken cancellationToken)
    {
        if (header.StreamId == 0)
            throw Fail(Http2ErrorCode.ProtocolError, "A DATA frame on stream 0.");
        _receiveWindow -= header.Length;
        if (_receiveWindow < 0)
            throw Fail(Http2ErrorCode.FlowControlError, "The server sent past the connection's window.");
        var padding = 0;
        var content = header.Length;
        if (header.Has(Http2FrameFlags.Padded))
        {
            await _reader.ReadExactlyAsync(_control.AsMemory(0, 1), cancellationToken).ConfigureAwait(false);
            padding = _control[0];
            content = header.Length - 1 - padding;
            if (content < 0)
                throw Fail(Http2ErrorCode.ProtocolError, "A DATA frame's padding is longer than the frame.");
        }

        var stream = _current;
        if (stream is null || stream.Id != header.StreamId)
        {
            await _reader.SkipAsync(content + padding, cancellationToken).ConfigureAwait(false); // an earlier stream's
            await CreditConnectionAsync(header.Length, cancellationToken).ConfigureAwait(false);
            return;
        }

        stream.ReceiveWindow -= header.Length;
        if (stream.ReceiveWindow < 0)
            throw Fail(Http2ErrorCode.FlowControlError, "The server sent past the stream's window.");
        await CreditConnectionAsync(header.Length - content, cancellationToken).ConfigureAwait(false); // padding: never read
        stream.Unacknowledged += header.Length - content;
        (_dataStream, _dataRemaining, _dataPadding, _dataEndStream) = (stream.Id, content, padding, header.Has(Http2FrameFlags.EndStream));
        if (content == 0)
            await FinishDataFrameAsync(cancellationToken).ConfigureAwait(false);
    }

    private async ValueTask FinishDataFrameAsync(CancellationToken cancellationToken)
    {
        if (_dataPadding > 0)
            await _reader.SkipAsync(_dataPadding, cancellationToken).ConfigureAwait(false);
        if (_dataEndStream && _current is { } stream && stream.Id == _dataStream)
            stream.RemoteEnded = true;
        (_dataStream, _dataRemaining, _dataPadding, _dataEndStream) = (0, 0, 0, false);
    }

    /// <summary>Moves the rest of the pending DATA payload into the stream's early buffer.</summary>
    private async ValueTask KeepPendingDataAsync(CancellationToken cancellationToken)
    {
        var stream = _current!;
        stream.Early ??= new PooledBufferWriter(Math.Min(_dataRemaining, 1 << 20));
        while (_dataRemaining > 0)
        {
            var memory = stream.Early.GetMemory(_dataRemaining)[.._dataRemaining];
            var n = await _reader.ReadSomeAsync(memory, cancellationToken).ConfigureAwait(false);
            stream.Early.Advance(n);
            _dataRemaining -= n;
        }

        await FinishDataFrameAsync(cancellationToken).ConfigureAwait(false);
    }

    private async ValueTask OnHeadersAsync(Http2FrameHeader header, CancellationToken cancellationToken)
    {
        if (header.StreamId == 0)
            throw Fail(Http2ErrorCode.ProtocolError, "A HEADERS frame on stream 0.");
        var padding = 0;
        var content = header.Length;
        if (header.Has(Http2FrameFlags.Padded))
        {
            await _reader.ReadExactlyAsync(_control.AsMemory(0, 1), cancellationToken).ConfigureAwait(false);
            padding = _control[0];
            content -= 1 + padding;
        }

        if (header.Has(Http2FrameFlags.Priority))
        {
            await _reader.SkipAsync(5, cancellationToken).ConfigureAwait(false);
            content -= 5;
        }

        if (content < 0)
            throw Fail(Http2ErrorCode.ProtocolError, "A HEADERS frame's padding and priority are longer than the frame.");
        _headerBlock.Clear();
        await ReadFragmentAsync(content, cancellationToken).ConfigureAwait(false);
        await _reader.SkipAsync(padding, cancellationToken).ConfigureAwait(false);
        if (header.Has(Http2FrameFlags.EndHeaders))
        {
            OnHeaderBlock(header.StreamId, header.Has(Http2FrameFlags.EndStream));
        }
        else
        {
            _continuationStream = header.StreamId;
            _continuationEndStream = header.Has(Http2FrameFlags.EndStream);
        }
    }

    private async ValueTask ReadFragmentAsync(int length, CancellationToken cancellationToken)
    {
        if (_headerBlock.WrittenCount + (long)length > 1 << 20)
            throw Fail(Http2ErrorCode.EnhanceYourCalm, "A response header block over 1 MiB.");
        var memory = _headerBlock.GetMemory(Math.Max(length, 1))[..length];
        await _reader.ReadExactlyAsync(memory, cancellationToken).ConfigureAwait(false);
        _headerBlock.Advance(length);
    }

    private void OnHeaderBlock(int streamId, bool endStream)
    {
        _fields.Clear();
        try
        {
            _decoder.Decode(_headerBlock.WrittenSpan, _fields, 256 * 1024);
        }
        catch (Http2Exception e)
        {
            throw Fail(e.ErrorCode, e.Message);
        }

        if (_current is not { } stream || stream.Id != streamId)
            return; // an earlier stream's
        if (stream.ResponseHeaders is null)
            stream.ResponseHeaders = [.. _fields];
        else
            stream.Trailers = [.. _fields];
        if (endStream)
            stream.RemoteEnded = true;
    }

    private async ValueTask OnSettingsAsync(Http2FrameHeader header, CancellationToken cancellationToken)
    {
        if (header.StreamId != 0)
            throw Fail(Http2ErrorCode.ProtocolError, "A SETTINGS frame on a stream.");
        if (header.Has(Http2FrameFlags.Ack))
        {
            await _reader.SkipAsync(header.Length, cancellationToken).ConfigureAwait(false);
            return;
        }

        if (header.Length > 6 * 64)
            throw Fail(Http2ErrorCode.EnhanceYourCalm, $"A SETTINGS frame of {header.Length} bytes.");
        var payload = new byte[header.Length];
        await _reader.ReadExactlyAsync(payload, cancellationToken).ConfigureAwait(false);
        int delta;
        try
        {
            delta = _peer.Apply(payload);
        }
        catch (Http2Exception e)
        {
            throw Fail(e.ErrorCode, e.Message);
        }

        _writer.MaxFrameSize = _peer.MaxFrameSize;
        if (_current is { } stream)
            stream.SendWindow += delta;
        await WriteControlAsync(new Http2FrameHeader(0, Http2FrameType.Settings, Http2FrameFlags.Ack, 0), ReadOnlyMemory<byte>.Empty, cancellationToken).ConfigureAwait(false);
    }

    private async ValueTask OnGoAwayAsync(Http2FrameHeader header, CancellationToken cancellationToken)
    {
        if (header.Length < 8)
            throw Fail(Http2ErrorCode.FrameSizeError, "A GOAWAY frame shorter than 8 bytes.");
        await _reader.ReadExactlyAsync(_control.AsMemory(0, 8), cancellationToken).ConfigureAwait(false);
        await _reader.SkipAsync(header.Length - 8, cancellationToken).ConfigureAwait(false);
        var last = (int)(BinaryPrimitives.ReadUInt32BigEndian(_control) & 0x7fffffff);
        var code = (Http2ErrorCode)BinaryPrimitives.ReadUInt32BigEndian(_control.AsSpan(4));
        _goneAway = true;
        if (_current is { } stream && stream.Id > last)
        {
            stream.Refused = true;
            stream.ResetCode = code == Http2ErrorCode.NoError ? Http2ErrorCode.RefusedStream : code;
        }
    }

    private async ValueTask<ReadOnlyMemory<byte>> ReadControlAsync(Http2FrameHeader header, int length, CancellationToken cancellationToken)
    {
        if (header.Length != length)
            throw Fail(Http2ErrorCode.FrameSizeError, $"A {header.Type} frame of {header.Length} bytes (it has {length}).");
        var memory = _control.AsMemory(0, length);
        await _reader.ReadExactlyAsync(memory, cancellationToken).ConfigureAwait(false);
        return memory;
    }

    /// <summary>Bytes of the stream were read: give window back once half of it is used (stream and connection).</summary>
    private async ValueTask ConsumedAsync(ClientStream stream, int count, CancellationToken cancellationToken)
    {
        stream.Unacknowledged += count;
        if (stream.Unacknowledged >= _windowSize / 2 && !stream.RemoteEnded)
        {
            var increment = stream.Unacknowledged;
            stream.Unacknowledged = 0;
            stream.ReceiveWindow += increment;
            var payload = new byte[4];
            BinaryPrimitives.WriteUInt32BigEndian(payload, (uint)increment);
            await WriteControlAsync(new Http2FrameHeader(4, Http2FrameType.WindowUpdate, Http2FrameFlags.None, stream.Id), payload, cancellationToken).ConfigureAwait(false);
        }

        await CreditConnectionAsync(count, cancellationToken).ConfigureAwait(false);
    }

    private async ValueTask CreditConnectionAsync(int count, CancellationToken cancellationToken)
    {
        _unacknowledged += count;
        if (_unacknowledged < _windowSize / 2)
            return;
        var increment = _unacknowledged;
        _unacknowledged = 0;
        _receiveWindow += increment;
        var payload = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(payload, (uint)increment);
        await WriteControlAsync(new Http2FrameHeader(4, Http2FrameType.WindowUpdate, Http2FrameFlags.None, 0), payload, cancellationToken).ConfigureAwait(false);
    }

    private async ValueTask WriteControlAsync(Http2FrameHeader header, ReadOnlyMemory<byte> payload, CancellationToken cancellationToken)
    {
        await using var lease = await _writer.AcquireAsync(cancellationToken).ConfigureAwait(false);
        await lease.WriteFrameAsync(header, payload).ConfigureAwait(false);
    }

    /// <summary>A protocol violation by the server: GOAWAY (best effort) and the connection is broken.</summary>
    private Http2Exception Fail(Http2ErrorCode code, string message)
    {
        Broken = true;
        _ = Task.Run(async () =>
        {
            try
            {
                await using var lease = await _writer.AcquireAsync().ConfigureAwait(false);
                await lease.WriteGoAwayAsync(0, code, message).ConfigureAwait(false);
            }
            catch (Exception e) when (e is IOException or ObjectDisposedException or SocketException)
            {
            }
        });
        return Http2Exception.Connection(code, message);
    }
}
