using System.IO.Pipelines;
using Google.Protobuf;

namespace Alluxio.Grpc.Protocol;

/// <summary>Reads length-prefixed messages from a <see cref="PipeReader"/> (the server's request body), parsing in place.</summary>
public static class PipeMessageReader
{
    /// <summary>
    /// Reads the next message, or null at a clean end of stream. A stream that ends inside a message is INTERNAL;
    /// an oversized message is RESOURCE_EXHAUSTED as soon as its prefix arrives.
    /// </summary>
    public static async ValueTask<T?> ReadMessageAsync<T>(
        PipeReader reader, MessageParser<T> parser, int? maxSize, string? encoding, CancellationToken cancellationToken)
        where T : class, IMessage<T>
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(parser);
        while (true)
        {
            var result = await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            var buffer = result.Buffer;
            if (result.IsCanceled)
            {
                reader.AdvanceTo(buffer.Start);
                throw new OperationCanceledException("Reading the message stream was cancelled.");
            }

            T message;
            try
            {
                if (!GrpcFraming.TryReadMessage(ref buffer, maxSize, out var compressed, out var payload))
                {
                    if (result.IsCompleted)
                    {
                        if (buffer.Length == 0)
                        {
                            reader.AdvanceTo(buffer.End);
                            return null;
                        }

                        throw new RpcException(new Status(StatusCode.Internal, "Incomplete message: the stream ended inside a message"));
                    }

                    reader.AdvanceTo(buffer.Start, buffer.End);
                    continue;
                }

                message = GrpcFraming.Parse(parser, payload, compressed, encoding, maxSize);
            }
            catch
            {
                reader.AdvanceTo(result.Buffer.Start, result.Buffer.End);
                throw;
            }

            reader.AdvanceTo(buffer.Start);
            return message;
        }
    }
}
