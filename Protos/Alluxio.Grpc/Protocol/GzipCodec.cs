using System.Buffers;
using System.IO.Compression;

namespace Alluxio.Grpc.Protocol;

/// <summary>gzip for individual messages (each message is its own gzip member, no shared context).</summary>
public static class GzipCodec
{
    /// <summary>Compresses <paramref name="input"/> into <paramref name="output"/>.</summary>
    public static void Compress(ReadOnlySpan<byte> input, PooledBufferWriter output)
    {
        using var target = new BufferWriterStream(output);
        using (var gzip = new GZipStream(target, CompressionLevel.Fastest, leaveOpen: true))
            gzip.Write(input);
    }

    /// <summary>
    /// Decompresses one message; throws <see cref="RpcException"/> RESOURCE_EXHAUSTED when the result passes
    /// <paramref name="maxSize"/>, INTERNAL when the data is not valid gzip. The caller disposes the result.
    /// </summary>
    public static PooledBufferWriter Decompress(ReadOnlySequence<byte> input, int? maxSize)
    {
        var compressed = ArrayPool<byte>.Shared.Rent((int)Math.Max(1, input.Length));
        var output = new PooledBufferWriter(Math.Max(256, (int)Math.Min(input.Length * 4, 1 << 20)));
        try
        {
            input.CopyTo(compressed);
            using var source = new MemoryStream(compressed, 0, (int)input.Length, writable: false);
            using var gzip = new GZipStream(source, CompressionMode.Decompress);
            while (true)
            {
                var span = output.GetSpan(16 * 1024);
                var n = gzip.Read(span);
                if (n == 0)
                    break;
                output.Advance(n);
                if (maxSize is { } max && output.WrittenCount > max)
                {
                    throw new RpcException(new Status(StatusCode.ResourceExhausted,
                        $"Received message larger than max (decompressed size over {max} bytes)"));
                }
            }

            return output;
        }
        catch (InvalidDataException ex)
        {
            output.Dispose();
            throw new RpcException(new Status(StatusCode.Internal, "Could not decompress gzip message: " + ex.Message, ex));
        }
        catch
        {
            output.Dispose();
            throw;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(compressed);
        }
    }

    private sealed class BufferWriterStream(PooledBufferWriter writer) : Stream
    {
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => writer.WrittenCount;
        public override long Position { get => writer.WrittenCount; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            buffer.CopyTo(writer.GetSpan(buffer.Length));
            writer.Advance(buffer.Length);
        }
    }
}
