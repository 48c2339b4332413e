using Alluxio.Grpc.Protocol;
using Google.Protobuf;

namespace Alluxio.Grpc.Client;

/// <summary>
/// The unary call path, kept separate from the streaming machinery because it is the hot path: no per-call
/// cancellation source unless the caller asked for a deadline or a cancellable token, one pooled buffer each way.
/// </summary>
internal static class UnaryCall
{
    public static async Task<TResponse> InvokeAsync<TRequest, TResponse>(
        GrpcChannel channel, Method<TRequest, TResponse> method, TRequest request, CallOptions options)
        where TRequest : class, IMessage<TRequest>
        where TResponse : class, IMessage<TResponse>
    {
        var time = channel.Time;
        var tokens = CallTokens.Create(options, time, alwaysCancellable: false);
        HttpRequestMessage? httpRequest = null;
        HttpResponseMessage? response = null;
        try
        {
            if (tokens.Token.IsCancellationRequested)
                throw CallErrors.Map(new OperationCanceledException(tokens.Token), tokens, time);

            var content = MessageContent.Create(request, channel.MaxSend(options), channel.Options.RequestCompression);
            httpRequest = channel.CreateRequest(method.FullName, content, options, tokens.Timeout);
            var token = tokens.Token;
            response = await channel.Invoker.SendAsync(httpRequest, token).ConfigureAwait(false);

            if (ResponseParsing.CheckHeaders(response) is { } early)
                throw new RpcException(early, ResponseParsing.ToMetadata(response.Headers));

            var maxReceive = channel.MaxReceive(options);
            var stream = await response.Content.ReadAsStreamAsync(token).ConfigureAwait(false);
            using var reader = new StreamMessageReader(stream, 1024);
            TResponse? message = null;
            if (await reader.ReadAsync(maxReceive, token).ConfigureAwait(false))
            {
                message = GrpcFraming.Parse(method.ResponseParser, reader.Payload, reader.Compressed, GetEncoding(response, reader.Compressed), maxReceive);
                if (await reader.ReadAsync(maxReceive, token).ConfigureAwait(false))
                    throw new RpcException(new Status(StatusCode.Internal, "The unary response held more than one message."));
            }

            var status = ResponseParsing.ReadTrailersStatus(response);
            if (status.StatusCode != StatusCode.OK)
                throw new RpcException(status, ResponseParsing.ToMetadata(response.TrailingHeaders));
            return message ?? throw new RpcException(new Status(StatusCode.Internal, "The server returned OK without a response message."));
        }
        catch (RpcException ex) when (ex.StatusCode == StatusCode.Cancelled && !tokens.CallerToken.IsCancellationRequested && tokens.DeadlinePassed(time))
        {
            // The server (or the stack) cancelled because the deadline passed: report it as the deadline.
            throw CallErrors.DeadlineExceeded();
        }
        catch (Exception ex) when (ex is not RpcException)
        {
            throw CallErrors.Map(ex, tokens, time);
        }
        finally
        {
            // Disposing an unfinished response resets the HTTP/2 stream (RST_STREAM CANCEL).
            response?.Dispose();
            httpRequest?.Dispose();
            tokens.Dispose();
        }
    }

    internal static string? GetEncoding(HttpResponseMessage response, bool compressed)
    {
        if (!compressed)
            return null;
        ResponseParsing.TryGetHeader(response.Headers, GrpcProtocol.EncodingHeader, out var encoding);
        return encoding;
    }
}
