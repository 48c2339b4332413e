using System.Buffers;
using Alluxio.Cli.Formatting;

namespace Alluxio.Cli.Copying;

/// <summary>The byte pump of cat, head, tail, checksum and the copy commands: bounded memory, whatever the file size.</summary>
public static class StreamCopy
{
    /// <summary>1 MiB: the SDK's stream chunk, so one read is about one message from the worker.</summary>
    public const int BufferBytes = 1 << 20;

    /// <summary>Copies up to <paramref name="count"/> bytes (or to the end), telling <paramref name="progress"/> as they go; returns the bytes copied.</summary>
    public static async Task<long> CopyAsync(Stream input, Stream output, long count, ProgressBar? progress, CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(BufferBytes);
        try
        {
            long copied = 0;
            while (copied < count)
            {
                var read = await input.ReadAsync(buffer.AsMemory(0, (int)Math.Min(BufferBytes, count - copied)), cancellationToken);
                if (read == 0)
                {
                    break;
                }

                await output.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                copied += read;
                progress?.Add(read);
            }

            return copied;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
