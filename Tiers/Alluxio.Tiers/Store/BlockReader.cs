using System.Buffers;
using Alluxio.Runtime.Hashing;
using Alluxio.Tiers.Files;

namespace Alluxio.Tiers.Store;

/// <summary>The <see cref="IBlockReader"/>: positioned reads with per-chunk CRC32C verification on first touch.</summary>
internal sealed class BlockReader : IBlockReader
{
    private readonly TieredBlockStore _store;
    private readonly BlockEntry _block;
    private readonly IBlockFile _file;
    private readonly ulong[]? _verified;
    private int _verifiedCount;
    private int _disposed;

    public BlockReader(TieredBlockStore store, BlockEntry block, IBlockFile file, string path, string tierAlias, bool verify, bool trusted)
    {
        _store = store;
        _block = block;
        _file = file;
        FilePath = path;
        TierAlias = tierAlias;
        Trusted = trusted;
        _verified = verify ? new ulong[(block.Checksums.ChunkCrcs.Length + 63) / 64] : null;
    }

    public bool Trusted { get; }

    public long BlockId => _block.Id;

    public long Length => _block.Length;

    public string FilePath { get; }

    public string TierAlias { get; }

    public int ChunkBytes => _block.Checksums.ChunkBytes;

    public IReadOnlyList<uint> ChunkCrcs => _block.Checksums.ChunkCrcs;

    public int Read(long offset, Span<byte> buffer)
    {
        ObjectDisposedException.ThrowIf(_disposed != 0, this);
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        if (offset >= Length || buffer.IsEmpty)
        {
            return 0;
        }

        buffer = buffer[..(int)Math.Min(buffer.Length, Length - offset)];
        int read;
        try
        {
            read = TieredBlockStore.ReadFully(_file, offset, buffer);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw _store.DropUnreadable(_block, e);
        }

        if (read != buffer.Length)
        {
            throw _store.DropCorrupt(_block, "data file shorter than its length");
        }

        if (_verified is not null)
        {
            Verify(offset, buffer);
        }

        return read;
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            _file.Dispose();
            _store.ReleaseReader(_block);
        }
    }

    /// <summary>Checks every chunk the read touched and this reader has not checked yet.</summary>
    private void Verify(long offset, ReadOnlySpan<byte> data)
    {
        var chunkBytes = _block.Checksums.ChunkBytes;
        var first = (int)(offset / chunkBytes);
        var last = (int)((offset + data.Length - 1) / chunkBytes);
        for (var chunk = first; chunk <= last; chunk++)
        {
            var bit = 1UL << (chunk & 63);
            if ((Volatile.Read(ref _verified![chunk >> 6]) & bit) != 0)
            {
                continue;
            }

            var start = (long)chunk * chunkBytes;
            var length = (int)Math.Min(chunkBytes, Length - start);
            uint crc;
            if (start >= offset && start + length <= offset + data.Length)
            {
                crc = Crc32C.Compute(data.Slice((int)(start - offset), length));
            }
            else
            {
                crc = ReadChunkCrc(start, length);
            }

            if (crc != _block.Checksums.ChunkCrcs[chunk])
            {
                throw _store.DropCorrupt(_block, $"chunk {chunk} does not match its CRC32C");
            }

            if ((Interlocked.Or(ref _verified[chunk >> 6], bit) & bit) == 0
                && Interlocked.Increment(ref _verifiedCount) == _block.Checksums.ChunkCrcs.Length)
            {
                _block.Checked = true; // every chunk matched: later readers on a trusting tier may skip the check
            }
        }
    }

    /// <summary>The CRC32C of a whole chunk that a read only partly covered.</summary>
    private uint ReadChunkCrc(long start, int length)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            int read;
            try
            {
                read = TieredBlockStore.ReadFully(_file, start, buffer.AsSpan(0, length));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw _store.DropUnreadable(_block, e);
            }

            if (read != length)
            {
                throw _store.DropCorrupt(_block, "data file shorter than its length");
            }

            return Crc32C.Compute(buffer.AsSpan(0, length));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
