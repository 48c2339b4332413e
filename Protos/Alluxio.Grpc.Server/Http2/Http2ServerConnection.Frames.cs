using System.Buffers.Binary;
using Alluxio.Grpc.Http2;

namespace Alluxio.Grpc.Server.Http2;

/// <summary>The handling of each frame type the read loop meets (RFC 9113 section 6).</summary>
internal sealed partial class Http2ServerConnection
{
    private async ValueTask<ReadOnlyMemory<byte>> ReadControlAsync(Http2FrameHeader header, byte[] buffer, int exactLength, bool? onStream)
    {
        if (onStream == true && header.StreamId == 0)
            throw Http2Exception.Connection(Http2ErrorCode.ProtocolError, $"A {header.Type} frame on stream 0.");
        if (onStream == false && header.StreamId != 0)
            throw Http2Exception.Connection(Http2ErrorCode.ProtocolError, $"A {header.Type} frame on stream {header.StreamId}.");
        if (header.Length != exactLength)
        {
            await _reader.SkipAsync(header.Length, _closed.Token).ConfigureAwait(false);
            var message = $"A {header.Type} frame of {header.Length} bytes (it has {exactLength}).";
            throw header.Type is Http2FrameType.Priority or Http2FrameType.WindowUpdate && header.StreamId != 0
                ? Http2Exception.Stream(header.StreamId, Http2ErrorCode.FrameSizeError, message)
                : Http2Exception.Connection(Http2ErrorCode.FrameSizeError, message);
        }

        await _reader.ReadExactlyAsync(buffer.AsMemory(0, exactLength), _closed.Token).ConfigureAwait(false);
        return buffer.AsMemory(0, exactLength);
    }

    /// <summary>Reads the pad length of a padded frame and checks it against the frame; returns the bytes of content.</summary>
    private async ValueTask<(int Content, int Padding)> ReadPaddingAsync(Http2FrameHeader header, int fixedPrefix)
    {
        var padded = header.Has(Http2FrameFlags.Padded);
        if (header.Length < (padded ? 1 : 0) + fixedPrefix)
            throw Http2Exception.Connection(Http2ErrorCode.FrameSizeError, $"A {header.Type} frame of {header.Length} bytes is shorter than its pad length and priority fields.");
        if (!padded)
            return (header.Length - fixedPrefix, 0);
        var pad = new byte[1];
        await _reader.ReadExactlyAsync(pad, _closed.Token).ConfigureAwait(false);
        var content = header.Length - 1 - pad[0] - fixedPrefix;
        if (content < 0)
            throw Http2Exception.Connection(Http2ErrorCode.ProtocolError, $"A {header.Type} frame's padding ({pad[0]}) is longer than the frame.");
        return (content, pad[0]);
    }

    private async Task OnDataAsync(Http2FrameHeader header)
    {
        if (header.StreamId == 0)
            throw Http2Exception.Connection(Http2ErrorCode.ProtocolError, "A DATA frame on stream 0.");
        if (Interlocked.Add(ref _receiveWindow, -header.Length) < 0)
            throw Http2Exception.Connection(Http2ErrorCode.FlowControlError, $"The client sent {header.Length} bytes past the connection's window.");
        var (content, padding) = await ReadPaddingAsync(header, 0).ConfigureAwait(false);
        var overhead = header.Length - content;
        var stream = Find(header.StreamId);
        if (stream is null)
        {
            if (header.StreamId > _lastStreamId)
                throw Http2Exception.Connection(Http2ErrorCode.ProtocolError, $"DATA on stream {header.StreamId}, which was never opened.");
            await _reader.SkipAsync(content + padding, _closed.Token).ConfigureAwait(false); // a stream that ended or was reset
            CreditConnection(header.Length);
            return;
        }

        if (stream.RequestEnded)
        {
            await _reader.SkipAsync(content + padding, _closed.Token).ConfigureAwait(false);
            CreditConnection(header.Length);
            throw Http2Exception.Stream(header.StreamId, Http2ErrorCode.StreamClosed, $"DATA on stream {header.StreamId} after its END_STREAM.");
        }

        await stream.ReceiveAsync(_reader, content, _closed.Token).ConfigureAwait(false);
        await _reader.SkipAsync(padding, _closed.Token).ConfigureAwait(false);
        CreditConnection(overhead); // padding is flow-controlled but never reaches the call
        if (header.Has(Http2FrameFlags.EndStream))
            stream.EndRequest();
    }

    private async Task OnHeadersAsync(Http2FrameHeader header)
    {
        if (header.StreamId == 0)
            throw Http2Exception.Connection(Http2ErrorCode.ProtocolError, "A HEADERS frame on stream 0.");
        if ((header.StreamId & 1) == 0)
            throw Http2Exception.Connection(Http2ErrorCode.ProtocolError, $"A client opened the even stream {header.StreamId}.");
        var priority = header.Has(Http2FrameFlags.Priority) ? 5 : 0;
        var (content, padding) = await ReadPaddingAsync(header, priority).ConfigureAwait(false);
        var selfDependent = false;
        if (priority > 0)
        {
            var block = new byte[5];
            await _reader.ReadExactlyAsync(block, _closed.Token).ConfigureAwait(false);
            selfDependent = (BinaryPrimitives.ReadUInt32BigEndian(block) & 0x7fffffff) == header.StreamId;
        }

        _headerBlock.Clear();
        await AppendHeaderFragmentAsync(content).ConfigureAwait(false);
        await _reader.SkipAsync(padding, _closed.Token).ConfigureAwait(false);
        _headerSelfDependent = selfDependent;
        _headerEndStream = header.Has(Http2FrameFlags.EndStream);
        if (header.Has(Http2FrameFlags.EndHeaders))
            await OnHeaderBlockAsync(header.StreamId).ConfigureAwait(false);
        else
            _headerStreamId = header.StreamId;
    }

    private async Task OnContinuationAsync(Http2FrameHeader header)
    {
        if (_headerStreamId == 0 || header.StreamId != _headerStreamId)
            throw Http2Exception.Connection(Http2ErrorCode.ProtocolError, $"A CONTINUATION frame on stream {header.StreamId} without a header block to continue.");
        await AppendHeaderFragmentAsync(header.Length).ConfigureAwait(false);
        if (header.Has(Http2FrameFlags.EndHeaders))
        {
            _headerStreamId = 0;
            await OnHeaderBlockAsync(header.StreamId).ConfigureAwait(false);
        }
    }

    private async Task AppendHeaderFragmentAsync(int length)
    {
        // Compressed blocks are bounded too: past twice the list limit, the block cannot be a request we take.
        if (_headerBlock.WrittenCount + (long)length > 2L * Options.MaxHeaderListSize + Options.MaxFrameSize)
            throw Http2Exception.Connection(Http2ErrorCode.EnhanceYourCalm, $"A header block over {2 * Options.MaxHeaderListSize} bytes.");
        var memory = _headerBlock.GetMemory(Math.Max(length, 1))[..length];
        await _reader.ReadExactlyAsync(memory, _closed.Token).ConfigureAwait(false);
        _headerBlock.Advance(length);
    }

    private void OnRstStream(Http2FrameHeader header, ReadOnlyMemory<byte> payload)
    {
        if (header.StreamId > _lastStreamId)
            throw Http2Exception.Connection(Http2ErrorCode.ProtocolError, $"RST_STREAM on stream {header.StreamId}, which was never opened.");
        var code = (Http2ErrorCode)BinaryPrimitives.ReadUInt32BigEndian(payload.Span);
        if (Find(header.StreamId) is { } stream)
        {
            var reason = new IOException($"The client reset stream {header.StreamId} ({code}).");
            stream.Abort(reason);
            stream.FailRequest(reason);
        }
    }

    private async Task OnSettingsAsync(Http2FrameHeader header)
    {
        if (header.StreamId != 0)
            throw Http2Exception.Connection(Http2ErrorCode.ProtocolError, "A SETTINGS frame on a stream.");
        if (header.Has(Http2FrameFlags.Ack))
        {
            if (header.Length != 0)
                throw Http2Exception.Connection(Http2ErrorCode.FrameSizeError, "A SETTINGS acknowledgement with a payload.");
            return;
        }

        if (header.Length > 6 * 64)
            throw Http2Exception.Connection(Http2ErrorCode.EnhanceYourCalm, $"A SETTINGS frame of {header.Length} bytes.");
        var payload = new byte[header.Length];
        await _reader.ReadExactlyAsync(payload, _closed.Token).ConfigureAwait(false);
        var delta = _peerSettings.Apply(payload);
        Writer.MaxFrameSize = _peerSettings.MaxFrameSize;
        if (delta != 0)
        {
            List<Http2ServerStream> streams;
            lock (_gate)
                streams = [.. _streams.Values];
            foreach (var stream in streams)
            {
                try
                {
                    stream.SendWindow.Add(delta);
                }
                catch (Http2Exception e)
                {
                    throw Http2Exception.Connection(Http2ErrorCode.FlowControlError, e.Message);
                }
            }
        }

        QueueControl(static (lease, _) => lease.WriteFrameAsync(new Http2FrameHeader(0, Http2FrameType.Settings, Http2FrameFlags.Ack, 0), ReadOnlyMemory<byte>.Empty), 0);
    }

    private void OnPing(Http2FrameHeader header, ReadOnlyMemory<byte> payload)
    {
        if (header.Has(Http2FrameFlags.Ack))
            return;
        QueueControl(static (lease, data) => lease.WriteFrameAsync(new Http2FrameHeader(8, Http2FrameType.Ping, Http2FrameFlags.Ack, 0), data), payload.ToArray());
    }

    private async Task OnGoAwayAsync(Http2FrameHeader header)
    {
        if (header.StreamId != 0)
            throw Http2Exception.Connection(Http2ErrorCode.ProtocolError, "A GOAWAY frame on a stream.");
        if (header.Length < 8)
            throw Http2Exception.Connection(Http2ErrorCode.FrameSizeError, "A GOAWAY frame shorter than 8 bytes.");
        await _reader.SkipAsync(header.Length, _closed.Token).ConfigureAwait(false);
        bool idle;
        lock (_gate)
        {
            _goingAway = true;
            idle = _active == 0;
        }

        if (idle)
            Close();
    }

    private void OnWindowUpdate(Http2FrameHeader header, ReadOnlyMemory<byte> payload)
    {
        var increment = (int)(BinaryPrimitives.ReadUInt32BigEndian(payload.Span) & 0x7fffffff);
        if (header.StreamId == 0)
        {
            if (increment == 0)
                throw Http2Exception.Connection(Http2ErrorCode.ProtocolError, "A WINDOW_UPDATE of 0 on the connection.");
            _sendWindow.Add(increment);
            return;
        }

        if (header.StreamId > _lastStreamId)
            throw Http2Exception.Connection(Http2ErrorCode.ProtocolError, $"WINDOW_UPDATE on stream {header.StreamId}, which was never opened.");
        if (increment == 0)
            throw Http2Exception.Stream(header.StreamId, Http2ErrorCode.ProtocolError, "A WINDOW_UPDATE of 0.");
        if (Find(header.StreamId) is { } stream)
        {
            try
            {
                stream.SendWindow.Add(increment);
            }
            catch (Http2Exception e)
            {
                throw Http2Exception.Stream(header.StreamId, Http2ErrorCode.FlowControlError, e.Message);
            }
        }
    }
}
