using Alluxio.Grpc.Http2;
using Alluxio.Grpc.Protocol;
using Microsoft.Extensions.Logging;

namespace Alluxio.Grpc.Server.Http2;

/// <summary>Request streams: a complete header block opens one, and its call runs to its end.</summary>
internal sealed partial class Http2ServerConnection
{
    private async Task OnHeaderBlockAsync(int streamId)
    {
        _fields.Clear();
        var withinLimit = _decoder.Decode(_headerBlock.WrittenSpan, _fields, Options.MaxHeaderListSize);
        var endStream = _headerEndStream;
        if (_headerSelfDependent)
        {
            _lastStreamId = Math.Max(_lastStreamId, streamId);
            throw Http2Exception.Stream(streamId, Http2ErrorCode.ProtocolError, "A stream depends on itself.");
        }

        var existing = Find(streamId);
        if (existing is not null)
        {
            // Trailers: gRPC clients send none, but a request may end with them (they are not passed to the call).
            if (!endStream)
                throw Http2Exception.Stream(streamId, Http2ErrorCode.ProtocolError, "A second header block without END_STREAM.");
            existing.EndRequest();
            return;
        }

        if (streamId <= _lastStreamId)
            throw Http2Exception.Connection(Http2ErrorCode.StreamClosed, $"HEADERS on stream {streamId}, which is closed.");
        _lastStreamId = streamId;

        bool refuse;
        lock (_gate)
            refuse = _goingAway || _active >= Options.MaxConcurrentStreams;
        if (refuse)
        {
            QueueControl(static (lease, id) => lease.WriteRstStreamAsync(id, Http2ErrorCode.RefusedStream), streamId);
            return;
        }

        var head = RequestHead.Parse(streamId, _fields);
        var stream = new Http2ServerStream(this, streamId, head, _peerSettings.InitialWindowSize, Options.StreamWindowSize);
        lock (_gate)
        {
            _streams.Add(streamId, stream);
            _active++;
        }

        if (endStream)
            stream.EndRequest();
        _ = Task.Run(() => RunStreamAsync(stream, withinLimit));
    }

    private async Task RunStreamAsync(Http2ServerStream stream, bool withinLimit)
    {
        try
        {
            if (!withinLimit)
            {
                await stream.RespondAsync([new(":status", "431")]).ConfigureAwait(false);
            }
            else if (Reject(stream.Head) is { } rejection)
            {
                await stream.RespondAsync(rejection).ConfigureAwait(false);
            }
            else
            {
                await _server.Route(stream.Head.Path).HandleAsync(stream).ConfigureAwait(false);
                await stream.CompleteAsync().ConfigureAwait(false);
            }

            if (!stream.RequestEnded && !stream.IsReset)
                await SendControlAsync(static (lease, id) => lease.WriteRstStreamAsync(id, Http2ErrorCode.NoError), stream.Id).ConfigureAwait(false); // the client may stop sending
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or OperationCanceledException)
        {
            // The stream was reset or the connection is gone: nobody to answer.
        }
        catch (Exception e)
        {
            Log.StreamFailed(Logger, Peer, stream.Id, e);
            ResetStream(stream.Id, Http2ErrorCode.InternalError, e);
        }
        finally
        {
            stream.Finish();
            bool drained;
            lock (_gate)
            {
                _streams.Remove(stream.Id);
                _active--;
                drained = _goingAway && _active == 0;
            }

            stream.Dispose();
            if (drained)
                Close();
        }
    }

    /// <summary>
    /// The answer to a request that is not a gRPC call, or null: as on Kestrel, a path nobody serves is a plain 404
    /// unless the request is a gRPC POST (then UNIMPLEMENTED, from the route); an rpc's path asked with another method
    /// is 405, with another content type 415.
    /// </summary>
    private List<KeyValuePair<string, string>>? Reject(RequestHead head)
    {
        var grpc = GrpcProtocol.IsGrpcContentType(head[GrpcProtocol.ContentTypeHeader]);
        if (!_server.Serves(head.Path) && !(grpc && head.Method == "POST"))
            return [new(":status", "404")];
        if (head.Method != "POST")
            return [new(":status", "405"), new("allow", "POST")];
        if (!grpc)
        {
            var message = $"Content-Type '{head[GrpcProtocol.ContentTypeHeader]}' is not supported; gRPC needs application/grpc.";
            Log.RequestRejected(Logger, Peer, message);
            return
            [
                new(":status", "415"),
                new(GrpcProtocol.StatusHeader, GrpcProtocol.StatusToString(StatusCode.Internal)),
                new(GrpcProtocol.MessageHeader, StatusMessageEncoding.Encode(message)),
            ];
        }

        return null;
    }
}
