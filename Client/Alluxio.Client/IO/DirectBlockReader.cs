using System.Text;
using Alluxio.Client.Internal;
using Alluxio.Grpc;
using Alluxio.Grpc.Direct;

namespace Alluxio.Client.IO;

/// <summary>
/// A ReadBlock stream over a <see cref="DirectChannel"/> (the worker's data port): each <c>ReadResponse</c> is parsed
/// as it arrives, field by field, and the bytes of its chunk go from the socket straight into the reader's memory.
/// Fields in any order, unknown fields skipped, as protobuf reads them.
/// </summary>
internal sealed class DirectBlockReader(DirectCall call) : IBlockReader
{
    private const uint ChunkTag = (1 << 3) | 2;
    private const uint SourceTag = (2 << 3) | 2;
    private const int MaxSourceBytes = 4096;

    private readonly byte[] _small = new byte[16];
    private int _chunkRemaining;

    public string? Source { get; private set; }

    public bool ChunkPending => _chunkRemaining > 0;

    public async ValueTask<int> ReadAsync(Memory<byte> destination, CancellationToken cancellationToken)
    {
        try
        {
            while (true)
            {
                if (_chunkRemaining > 0)
                {
                    var n = await call.ReadAsync(destination[..Math.Min(destination.Length, _chunkRemaining)], cancellationToken);
                    _chunkRemaining -= n;
                    return n;
                }

                if (call.Remaining > 0)
                {
                    await NextFieldAsync(cancellationToken);
                    continue;
                }

                if (await call.NextMessageAsync(cancellationToken) is null)
                {
                    return 0;
                }
            }
        }
        catch (RpcException e)
        {
            throw ClientErrors.FromRpc(e);
        }
    }

    public void Dispose() => call.Dispose();

    private async ValueTask NextFieldAsync(CancellationToken cancellationToken)
    {
        var tag = await VarintAsync(cancellationToken);
        switch (tag)
        {
            case ChunkTag:
                _chunkRemaining = Length(await VarintAsync(cancellationToken));
                return;
            case SourceTag:
                var length = Length(await VarintAsync(cancellationToken));
                if (length > MaxSourceBytes)
                {
                    throw Malformed($"a source of {length} bytes");
                }

                var bytes = new byte[length];
                await call.ReadExactlyAsync(bytes, cancellationToken);
                Source = Encoding.UTF8.GetString(bytes);
                return;
        }

        if (tag >> 3 == 0)
        {
            throw Malformed("a field with number 0");
        }

        switch (tag & 7)
        {
            case 0:
                await VarintAsync(cancellationToken);
                break;
            case 1:
                await SkipAsync(8, cancellationToken);
                break;
            case 2:
                await SkipAsync(Length(await VarintAsync(cancellationToken)), cancellationToken);
                break;
            case 5:
                await SkipAsync(4, cancellationToken);
                break;
            default:
                throw Malformed($"wire type {tag & 7}");
        }
    }

    /// <summary>A length-delimited field's length, which must fit in what is left of the message.</summary>
    private int Length(ulong length) =>
        length <= (ulong)call.Remaining ? (int)length : throw Malformed($"a field of {length} bytes in the {call.Remaining} left of the message");

    private async ValueTask<ulong> VarintAsync(CancellationToken cancellationToken)
    {
        ulong value = 0;
        for (var shift = 0; shift < 64; shift += 7)
        {
            if (call.Remaining == 0)
            {
                throw Malformed("a message ending inside a varint");
            }

            await call.ReadExactlyAsync(_small.AsMemory(0, 1), cancellationToken);
            value |= (ulong)(_small[0] & 0x7f) << shift;
            if ((_small[0] & 0x80) == 0)
            {
                return value;
            }
        }

        throw Malformed("a varint longer than 10 bytes");
    }

    private async ValueTask SkipAsync(int count, CancellationToken cancellationToken)
    {
        if (count > call.Remaining)
        {
            throw Malformed($"a field of {count} bytes in the {call.Remaining} left of the message");
        }

        while (count > 0)
        {
            var n = Math.Min(count, _small.Length);
            await call.ReadExactlyAsync(_small.AsMemory(0, n), cancellationToken);
            count -= n;
        }
    }

    private static IOException Malformed(string what) => new($"The worker sent a malformed block chunk: {what}.");
}
