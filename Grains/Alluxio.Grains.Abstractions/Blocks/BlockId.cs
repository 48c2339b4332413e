namespace Alluxio.Grains.Blocks;

/// <summary>
/// Block ids, as Alluxio builds them: the file's id in the high bits, the block's index in the file in the low 24
/// (up to 16M blocks, 1 PiB at 64 MiB). A file's blocks are therefore known from its id, length and block size,
/// without a block table; and a file whose content is replaced under it gets a new inode id (metadata sync does
/// that), so a block cached from old content can never be served as the new content. Persisted and on the wire:
/// never change the layout.
/// </summary>
public static class BlockId
{
    /// <summary>Bits of the block index.</summary>
    public const int IndexBits = 24;

    /// <summary>The largest file id a block id can carry.</summary>
    public const long MaxFileId = (1L << (63 - IndexBits)) - 1;

    /// <summary>The id of block <paramref name="index"/> of file <paramref name="fileId"/>.</summary>
    public static long Create(long fileId, long index)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(fileId);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(fileId, MaxFileId);
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, 1L << IndexBits);
        return (fileId << IndexBits) | index;
    }

    /// <summary>The file a block belongs to.</summary>
    public static long FileIdOf(long blockId) => blockId >> IndexBits;

    /// <summary>The block's index in its file.</summary>
    public static int IndexOf(long blockId) => (int)(blockId & ((1L << IndexBits) - 1));

    /// <summary>How many blocks a file of <paramref name="length"/> bytes has.</summary>
    public static long Count(long length, long blockSize) => blockSize <= 0 ? 0 : (length + blockSize - 1) / blockSize;

    /// <summary>The ids of every block of a file.</summary>
    public static long[] ForFile(long fileId, long length, long blockSize)
    {
        var blocks = new long[Count(length, blockSize)];
        for (var i = 0; i < blocks.Length; i++)
        {
            blocks[i] = Create(fileId, i);
        }

        return blocks;
    }

    /// <summary>The length of block <paramref name="index"/> of a file of <paramref name="length"/> bytes.</summary>
    public static long LengthOf(long index, long length, long blockSize) => Math.Clamp(length - (index * blockSize), 0, blockSize);
}
