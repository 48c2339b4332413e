using System.Buffers;
using Alluxio.Grpc.Http2;
using Alluxio.Grpc.Http2.Hpack;
using Alluxio.Grpc.Protocol;
using Google.Protobuf;

namespace Alluxio.Grpc.Direct;

/// <summary>
/// One gRPC call on a <see cref="DirectChannel"/>: request messages are written first (<see cref="WriteMessageAsync"/>,
/// or a message whose bulk bytes go from the caller's memory, <see cref="WritePayloadAsync"/>), then the request is
/// completed and the response read: message by message (<see cref="NextMessageAsync"/>), each either whole
/// (<see cref="ReadMessageAsync{T}"/>) or a piece at a time straight into the caller's memory (<see cref="ReadAsync"/>).
/// The end of the response is its status: OK ends <see cref="NextMessageAsync"/> with null, anything else throws
/// <see cref="RpcException"/>. Disposing a call that has not ended resets its stream (CANCEL) and closes its
/// connection; an ended call returns its connection to the channel. Not thread-safe.
/// </summary>
public sealed class DirectCall : IDisposable
{
    private readonly DirectChannel _channel;
    private readonly Http2ClientConnection _connection;
    private readonly ClientStream _stream;
    private readonly int? _maxReceive;
    private readonly int? _maxSend;
    private readonly byte[] _prefix = new byte[GrpcFraming.HeaderSize];
    private Client.CallTokens _tokens;
    private bool _headersChecked;
    private bool _ended;
    private bool _disposed;

    internal DirectCall(DirectChannel channel, Http2ClientConnection connection, ClientStream stream, Client.CallTokens tokens, int? maxReceive, int? maxSend)
    {
        _channel = channel;
        _connection = connection;
        _stream = stream;
        _tokens = tokens;
        _maxReceive = maxReceive;
        _maxSend = maxSend;
    }

    /// <summary>Bytes of the current response message not read yet.</summary>
    public int Remaining { get; private set; }

    /// <summary>The response headers' custom metadata, once the first response arrived.</summary>
    public Metadata? ResponseHeaders { get; private set; }

    /// <summary>The call's status, once it ended.</summary>
    public Status? Status { get; private set; }

    /// <summary>The trailers' custom metadata, once the call ended.</summary>
    public Metadata? Trailers { get; private set; }

    /// <summary>Writes one request message.</summary>
    public async ValueTask WriteMessageAsync(IMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        var size = message.CalculateSize();
        GrpcFraming.CheckSendSize(size, _maxSend);
        var buffer = ArrayPool<byte>.Shared.Rent(GrpcFraming.HeaderSize + size);
        try
        {
            GrpcFraming.WriteHeader(buffer, compressed: false, size);
            message.WriteTo(buffer.AsSpan(GrpcFraming.HeaderSize, size));
            await SendAsync(buffer.AsMemory(0, GrpcFraming.HeaderSize + size), ReadOnlyMemory<byte>.Empty, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>
    /// Writes one request message made of <paramref name="head"/> (its encoding up to the bulk bytes: for a bytes
    /// field, the tag and length) and <paramref name="body"/>, which is sent from where it is, without a copy.
    /// </summary>
    public async ValueTask WritePayloadAsync(ReadOnlyMemory<byte> head, ReadOnlyMemory<byte> body, CancellationToken cancellationToken = default)
    {
        var size = head.Length + body.Length;
        GrpcFraming.CheckSendSize(size, _maxSend);
        var first = ArrayPool<byte>.Shared.Rent(GrpcFraming.HeaderSize + head.Length);
        try
        {
            GrpcFraming.WriteHeader(first, compressed: false, size);
            head.Span.CopyTo(first.AsSpan(GrpcFraming.HeaderSize));
            await SendAsync(first.AsMemory(0, GrpcFraming.HeaderSize + head.Length), body, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(first);
        }
    }

    /// <summary>Ends the request (END_STREAM).</summary>
    public async ValueTask CompleteRequestAsync(CancellationToken cancellationToken = default)
    {
        if (_stream.LocalEnded)
            return;
        await Run(async token => await _connection.SendDataAsync(_stream, ReadOnlyMemory<byte>.Empty, endStream: true, token).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
        _stream.LocalEnded = true;
    }

    /// <summary>
    /// Moves to the next response message (skipping what is left of the current one) and returns its length; null
    /// when the response ended with OK.
    /// </summary>
    /// <exception cref="RpcException">The call ended with another status, or failed.</exception>
    public async ValueTask<int?> NextMessageAsync(CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return await Run(async token =>
        {
            await CheckHeadersAsync(token).ConfigureAwait(false);
            if (Remaining > 0)
                await SkipRestAsync(token).ConfigureAwait(false);

            var read = 0;
            while (read < _prefix.Length)
            {
                var n = await _connection.ReadDataAsync(_stream, _prefix.AsMemory(read), token).ConfigureAwait(false);
                if (n == 0)
                {
                    if (read > 0)
                        throw End("Incomplete message: the stream ended inside a message prefix.");
                    FinishCall();
                    return (int?)null;
                }

                read += n;
            }

            var length = GrpcFraming.ReadHeader(_prefix, _maxReceive, out var compressed);
            if (compressed)
                throw new RpcException(new Status(StatusCode.Internal, "The server sent a compressed message; this client accepts identity only."));
            Remaining = length;
            return length;
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Reads between 1 and <paramref name="destination"/>'s length bytes of the current message (0 when none is left),
    /// straight from the connection into <paramref name="destination"/>.
    /// </summary>
    public async ValueTask<int> ReadAsync(Memory<byte> destination, CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (Remaining == 0 || destination.IsEmpty)
            return 0;
        return await Run(async token =>
        {
            var n = await _connection.ReadDataAsync(_stream, destination[..Math.Min(destination.Length, Remaining)], token).ConfigureAwait(false);
            if (n == 0)
                throw End("The stream ended inside a message.");
            Remaining -= n;
            return n;
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Reads exactly <paramref name="destination"/>'s length of the current message.</summary>
    public async ValueTask ReadExactlyAsync(Memory<byte> destination, CancellationToken cancellationToken = default)
    {
        if (destination.Length > Remaining)
            throw new ArgumentException($"The message has {Remaining} bytes left, not {destination.Length}.", nameof(destination));
        while (!destination.IsEmpty)
            destination = destination[await ReadAsync(destination, cancellationToken).ConfigureAwait(false)..];
    }

    /// <summary>Reads the next response message whole; null when the response ended with OK.</summary>
    public async ValueTask<T?> ReadMessageAsync<T>(MessageParser<T> parser, CancellationToken cancellationToken = default)
        where T : class, IMessage<T>
    {
        ArgumentNullException.ThrowIfNull(parser);
        if (await NextMessageAsync(cancellationToken).ConfigureAwait(false) is not { } length)
            return null;
        var buffer = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            await ReadExactlyAsync(buffer.AsMemory(0, length), cancellationToken).ConfigureAwait(false);
            try
            {
                return parser.ParseFrom(buffer.AsSpan(0, length));
            }
            catch (InvalidProtocolBufferException e)
            {
                throw new RpcException(new Status(StatusCode.Internal, "Failed to deserialize the response message: " + e.Message, e));
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Reads and drops what is left of the current message.</summary>
    private async ValueTask SkipRestAsync(CancellationToken token)
    {
        var scratch = ArrayPool<byte>.Shared.Rent(Math.Min(Remaining, 64 * 1024));
        try
        {
            while (Remaining > 0)
            {
                var n = await _connection.ReadDataAsync(_stream, scratch.AsMemory(0, Math.Min(Remaining, scratch.Length)), token).ConfigureAwait(false);
                if (n == 0)
                    throw End("The stream ended inside a message.");
                Remaining -= n;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(scratch);
        }
    }

    /// <summary>Ends the call: an unfinished one is reset and its connection closed; a finished one's connection is kept.</summary>
    public void Dispose()
    {
        if (_disposed)
            return;
        _disposed = true;
        _tokens.Dispose();
        if (!_ended)
        {
            var connection = _connection;
            var stream = _stream;
            _ = Task.Run(async () =>
            {
                await connection.ResetAsync(stream, Http2ErrorCode.Cancel).ConfigureAwait(false);
                connection.Dispose();
            });
            return;
        }

        _connection.EndStream(_stream);
        _channel.Return(_connection);
    }

    private async ValueTask SendAsync(ReadOnlyMemory<byte> first, ReadOnlyMemory<byte> second, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_stream.LocalEnded)
            throw new InvalidOperationException("The request was completed; nothing more can be written.");
        await Run(async token =>
        {
            var sent = await _connection.SendDataAsync(_stream, first, endStream: false, token).ConfigureAwait(false)
                       && (second.IsEmpty || await _connection.SendDataAsync(_stream, second, endStream: false, token).ConfigureAwait(false));
            if (!sent)
            {
                // The server ended the call before the request did: its status says why (FinishCall throws it),
                // unless it ended OK, which leaves this write nowhere to go.
                await CheckHeadersAsync(token).ConfigureAwait(false);
                FinishCall();
                throw new RpcException(new Status(StatusCode.FailedPrecondition, "The server ended the call with OK before the request was complete; nothing more can be written."), Trailers ?? []);
            }

            return true;
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Waits for the response headers and checks they start a gRPC response; a Trailers-Only response ends the call.</summary>
    private async ValueTask CheckHeadersAsync(CancellationToken token)
    {
        if (_headersChecked)
            return;
        await _connection.WaitForHeadersAsync(_stream, token).ConfigureAwait(false);
        _headersChecked = true;
        if (_stream.ResponseHeaders is not { } headers)
            return; // reset before any headers: the status comes from the reset
        ResponseHeaders = ToMetadata(headers);
        var status = Find(headers, ":status");
        if (status != "200")
        {
            if (Find(headers, GrpcProtocol.StatusHeader) is null)
            {
                var http = int.TryParse(status, System.Globalization.CultureInfo.InvariantCulture, out var code) ? code : 0;
                throw Finish(new Status(GrpcProtocol.FromHttpStatus(http), $"Bad gRPC response. HTTP status code: {status}"));
            }
        }
        else if (!GrpcProtocol.IsGrpcContentType(Find(headers, GrpcProtocol.ContentTypeHeader)) && Find(headers, GrpcProtocol.StatusHeader) is null)
        {
            throw Finish(new Status(StatusCode.Internal, $"Bad gRPC response. Content-Type '{Find(headers, GrpcProtocol.ContentTypeHeader)}' is not application/grpc."));
        }
    }

    /// <summary>The response ended: sets the status from the trailers (or Trailers-Only headers, or the reset); throws unless OK.</summary>
    private void FinishCall()
    {
        if (_stream.ResetCode is { } code && _stream.Trailers is null && !(_stream.RemoteEnded && _stream.ResponseHeaders is not null && Find(_stream.ResponseHeaders, GrpcProtocol.StatusHeader) is not null))
        {
            throw Finish(_stream.Refused
                ? new Status(StatusCode.Unavailable, "The server went away before it processed the call (GOAWAY); it may be retried.")
                : new Status(GrpcProtocol.FromHttp2ErrorCode((long)code), $"The HTTP/2 stream was reset by the server (error code {(int)code})."));
        }

        var fields = _stream.Trailers ?? _stream.ResponseHeaders ?? [];
        Trailers = ToMetadata(fields);
        var value = Find(fields, GrpcProtocol.StatusHeader);
        var status = value is null
            ? new Status(StatusCode.Internal, "No grpc-status found on response.")
            : GrpcProtocol.TryParseStatus(value, out var parsed)
                ? new Status(parsed, StatusMessageEncoding.Decode(Find(fields, GrpcProtocol.MessageHeader)))
                : new Status(StatusCode.Unknown, $"Invalid grpc-status value '{value}'.");
        Status = status;
        _ended = true;
        if (status.StatusCode != StatusCode.OK)
            throw new RpcException(status, Trailers);
    }

    private RpcException Finish(Status status)
    {
        Status = status;
        Trailers ??= [];
        _ended = _stream.RemoteEnded || _stream.ResetCode is not null;
        return new RpcException(status, Trailers);
    }

    private RpcException End(string message)
    {
        if (_stream.ResetCode is not null)
        {
            try
            {
                FinishCall();
            }
            catch (RpcException e)
            {
                return e;
            }
        }

        return Finish(new Status(StatusCode.Internal, message));
    }

    /// <summary>Runs an operation under the call's token and <paramref name="cancellationToken"/>, mapping failures to RpcException.</summary>
    private async ValueTask<T> Run<T>(Func<CancellationToken, ValueTask<T>> operation, CancellationToken cancellationToken)
    {
        CancellationTokenSource? linked = null;
        var token = _tokens.Token;
        if (cancellationToken.CanBeCanceled)
        {
            linked = CancellationTokenSource.CreateLinkedTokenSource(token, cancellationToken);
            token = linked.Token;
        }

        try
        {
            token.ThrowIfCancellationRequested();
            return await operation(token).ConfigureAwait(false);
        }
        catch (RpcException)
        {
            throw;
        }
        catch (Exception e)
        {
            if (_tokens.CallerToken.IsCancellationRequested || cancellationToken.IsCancellationRequested)
                throw Finish(new Status(StatusCode.Cancelled, "Call canceled by the client.", e));
            if (_tokens.DeadlinePassed(_channel.Options.TimeProvider))
                throw Finish(new Status(StatusCode.DeadlineExceeded, "Deadline Exceeded"));
            throw Finish(e switch
            {
                Http2Exception protocol => new Status(StatusCode.Internal, $"The server broke the HTTP/2 protocol ({protocol.ErrorCode}): {protocol.Message}", e),
                IOException or System.Net.Sockets.SocketException or ObjectDisposedException or System.Security.Authentication.AuthenticationException =>
                    new Status(StatusCode.Unavailable, $"Error in the HTTP/2 transport: {e.GetType().Name}: {e.Message}", e),
                OperationCanceledException => new Status(StatusCode.Cancelled, "The call was cancelled: " + e.Message, e),
                _ => new Status(StatusCode.Internal, $"Error in the gRPC call: {e.GetType().Name}: {e.Message}", e),
            });
        }
        finally
        {
            linked?.Dispose();
        }
    }

    private static string? Find(List<HeaderField> fields, string name)
    {
        foreach (var field in fields)
        {
            if (field.Name == name)
                return field.Value;
        }

        return null;
    }

    private static Metadata ToMetadata(List<HeaderField> fields)
    {
        var metadata = new Metadata();
        foreach (var (name, value) in fields)
        {
            if (name.Length == 0 || name[0] == ':' || name is GrpcProtocol.StatusHeader or GrpcProtocol.MessageHeader or "content-type")
                continue;
            MetadataEncoding.AddEntry(metadata, name, value);
        }

        return metadata;
    }
}
