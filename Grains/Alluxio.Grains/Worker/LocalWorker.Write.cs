using Alluxio.Grains.Blocks;
using Alluxio.Grains.FileSystem;
using Alluxio.Grains.Security;
using Alluxio.Tiers.Exceptions;
using Alluxio.Tiers.Store;
using Alluxio.Ufs;

namespace Alluxio.Grains.Worker;

public sealed partial class LocalWorker
{
    /// <summary>
    /// Writes a block into the cache from a stream of chunks: a temp block, committed (and reported to the block master)
    /// when the stream ends; any failure — of the client, the stream or the disk — aborts it.
    /// </summary>
    public async Task<BlockPlacement> WriteBlockAsync(BlockWriteCommand command, IAsyncEnumerable<ReadOnlyMemory<byte>> data, CancellationToken cancellationToken)
    {
        ValidateWrite(command);
        try
        {
            using var writer = await Store.CreateBlockAsync(command.BlockId, new BlockWriteOptions { TierOrdinal = command.Tier, ExpectedLength = command.SpaceToReserve, Pinned = command.Pinned }, cancellationToken);
            await foreach (var chunk in data.WithCancellation(cancellationToken))
            {
                await writer.WriteAsync(chunk, cancellationToken);
            }

            var info = await writer.CommitAsync(cancellationToken);
            var placement = new BlockPlacement(info.BlockId, info.Length, info.TierAlias);
            await BlockMaster.CommitBlock(WorkerId, placement);
            metrics.Add(Metrics.MetricNames.BytesWrittenAlluxio, info.Length);
            return placement;
        }
        catch (BlockStoreException e)
        {
            throw WorkerErrors.Map(e);
        }
    }

    /// <summary>
    /// Creates a temp block for a writer on this host that writes its file directly (short-circuit write); dispose
    /// the writer to abort, or commit it with <see cref="CommitLocalBlockAsync"/>.
    /// </summary>
    public async Task<IBlockWriter> CreateLocalBlockAsync(BlockWriteCommand command, CancellationToken cancellationToken)
    {
        ValidateWrite(command);
        try
        {
            return await Store.CreateBlockAsync(command.BlockId, new BlockWriteOptions { TierOrdinal = command.Tier, ExpectedLength = command.SpaceToReserve, Pinned = command.Pinned }, cancellationToken);
        }
        catch (BlockStoreException e)
        {
            throw WorkerErrors.Map(e);
        }
    }

    /// <summary>Reserves room for a block being written directly (short-circuit), up to <paramref name="totalBytes"/>.</summary>
    public async Task ReserveLocalBlockAsync(IBlockWriter writer, long totalBytes, CancellationToken cancellationToken)
    {
        try
        {
            await writer.ReserveAsync(totalBytes, cancellationToken);
        }
        catch (BlockStoreException e)
        {
            throw WorkerErrors.Map(e);
        }
    }

    /// <summary>Commits a block written directly into its temp file and reports it to the block master.</summary>
    public async Task<BlockPlacement> CommitLocalBlockAsync(IBlockWriter writer, long length, IReadOnlyList<uint>? chunkCrcs, CancellationToken cancellationToken)
    {
        try
        {
            var info = await writer.CommitWrittenAsync(length, chunkCrcs, cancellationToken);
            var placement = new BlockPlacement(info.BlockId, info.Length, info.TierAlias);
            await BlockMaster.CommitBlock(WorkerId, placement);
            metrics.Add(Metrics.MetricNames.BytesWrittenAlluxio, info.Length);
            return placement;
        }
        catch (BlockStoreException e)
        {
            throw WorkerErrors.Map(e);
        }
    }

    private void ValidateWrite(BlockWriteCommand command)
    {
        if (command.BlockId <= 0 || command.Tier < 0 || command.Tier >= Store.GetReport().Count || command.SpaceToReserve < 0)
        {
            throw new Exceptions.InvalidArgumentException($"Bad block write: block {command.BlockId}, tier {command.Tier} (this worker has {Store.GetReport().Count}), reserve {command.SpaceToReserve}.");
        }
    }

    /// <summary>
    /// Writes the data of <paramref name="path"/> (a file the caller created and may write) to its UFS location; the UFS
    /// file appears whole when the stream ends, and not at all if it fails. Returns the bytes written.
    /// </summary>
    public async Task<long> WriteUfsFileAsync(string path, CallerIdentity caller, IAsyncEnumerable<UfsWritePiece> data, CancellationToken cancellationToken)
    {
        var (mount, ufsPath, mode, fileId) = master.ResolveUfsWrite(path, caller);
        var connector = ufs.Get(mount);
        return await FileSystemMaster.UfsCall(mount, path, async () =>
        {
            await using var output = await connector.CreateFileAsync(ufsPath, new UfsCreateFileOptions { Mode = mode, CreateParents = true }, cancellationToken);
            long length = 0;
            await foreach (var piece in data.WithCancellation(cancellationToken))
            {
                if (piece.BlockId is { } blockId)
                {
                    length += await AppendCachedBlockAsync(output, path, fileId, blockId, cancellationToken);
                    continue;
                }

                await output.WriteAsync(piece.Bytes, cancellationToken);
                length += piece.Bytes.Length;
            }

            await output.CommitAsync(cancellationToken);
            metrics.Add(Metrics.MetricNames.BytesWrittenUfsAll, length);
            return length;
        });
    }

    /// <summary>
    /// Appends one of the file's committed blocks to its UFS output, read under a lease (checked as any read is). A
    /// block of another file is refused: the caller may write this file, not read others through it.
    /// </summary>
    private async Task<long> AppendCachedBlockAsync(UfsOutputStream output, string path, long fileId, long blockId, CancellationToken cancellationToken)
    {
        if (BlockId.FileIdOf(blockId) != fileId)
        {
            throw new Grains.Exceptions.InvalidArgumentException($"Block {blockId} is not a block of {path}.");
        }

        IBlockReader reader;
        try
        {
            reader = await Store.OpenReadAsync(blockId, new BlockReadOptions(), cancellationToken);
        }
        catch (BlockStoreException e)
        {
            throw WorkerErrors.Map(e);
        }

        using (reader)
        {
            if (output.AppendsFilesInKernel)
            {
                return await AppendBlockFileAsync(output, reader, cancellationToken);
            }

            var buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(1 << 20);
            try
            {
                long offset = 0;
                while (offset < reader.Length)
                {
                    int read;
                    try
                    {
                        read = reader.Read(offset, buffer.AsSpan(0, (int)Math.Min(buffer.Length, reader.Length - offset)));
                    }
                    catch (BlockStoreException e)
                    {
                        throw WorkerErrors.Map(e);
                    }

                    await output.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                    offset += read;
                }

                return offset;
            }
            finally
            {
                System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
            }
        }
    }

    /// <summary>
    /// Appends a leased block to a UFS output that copies files in the kernel (a local UFS): the block file goes to the
    /// UFS file piece by piece without entering this process. Unless the store vouches for the block
    /// (<see cref="IBlockReader.Trusted"/>), each piece is first read through the lease, which checks its CRC32Cs;
    /// the check of the next piece runs on another thread while this one is copied, and a corrupt piece fails the
    /// write before it reaches the UFS (the block is dropped as on any read).
    /// </summary>
    private static async Task<long> AppendBlockFileAsync(UfsOutputStream output, IBlockReader reader, CancellationToken cancellationToken)
    {
        const int Piece = 4 << 20;
        Microsoft.Win32.SafeHandles.SafeFileHandle file;
        try
        {
            file = File.OpenHandle(reader.FilePath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new Grains.Exceptions.UnavailableException($"Block {reader.BlockId}'s file cannot be opened: {e.Message}", e);
        }

        using var handle = file;
        var length = reader.Length;
        Task? check = reader.Trusted || length == 0 ? null : Task.Run(() => CheckPiece(reader, 0, Math.Min(Piece, length)));
        long done = 0;
        try
        {
            while (done < length)
            {
                var piece = Math.Min(Piece, length - done);
                if (check is not null)
                {
                    await check;
                    var next = done + piece;
                    check = next < length ? Task.Run(() => CheckPiece(reader, next, Math.Min(Piece, length - next))) : null;
                }

                var copied = await output.AppendFileAsync(file, done, piece, cancellationToken);
                if (copied != piece)
                {
                    throw new Grains.Exceptions.UnavailableException($"Block {reader.BlockId}'s file ended at {done + copied} of its {length} bytes.");
                }

                done += piece;
            }

            return done;
        }
        finally
        {
            if (check is not null)
            {
                await check.ContinueWith(static _ => { }, TaskScheduler.Default); // the reader outlives its last check
            }
        }
    }

    /// <summary>Reads [offset, offset + length) of a block through its reader, which checks each chunk's CRC32C.</summary>
    private static void CheckPiece(IBlockReader reader, long offset, long length)
    {
        var buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(1 << 20);
        try
        {
            for (long done = 0; done < length;)
            {
                var read = reader.Read(offset + done, buffer.AsSpan(0, (int)Math.Min(buffer.Length, length - done)));
                if (read == 0)
                {
                    throw new Grains.Exceptions.UnavailableException($"Block {reader.BlockId} ended at {offset + done} of its {reader.Length} bytes.");
                }

                done += read;
            }
        }
        catch (BlockStoreException e)
        {
            throw WorkerErrors.Map(e);
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
