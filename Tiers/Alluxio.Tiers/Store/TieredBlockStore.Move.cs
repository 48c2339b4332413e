using System.Buffers;
using Alluxio.Runtime.Hashing;
using Alluxio.Tiers.Exceptions;

namespace Alluxio.Tiers.Store;

public sealed partial class TieredBlockStore
{
    public async ValueTask<bool> RemoveBlockAsync(long blockId, CancellationToken cancellationToken = default)
    {
        BlockEntry block;
        while (true)
        {
            Task wait;
            lock (_lock)
            {
                ThrowIfDisposed();
                if (!_blocks.TryGetValue(blockId, out block!) || block.State is BlockState.Gone)
                {
                    return false;
                }

                if (block.State == BlockState.Committed && block.Readers == 0)
                {
                    block.State = BlockState.Removing;
                    break;
                }

                wait = block.Changed;
            }

            await wait.WaitAsync(cancellationToken).ConfigureAwait(false);
        }

        DeleteBlock(block, BlockRemovalReason.Removed, "removed");
        return true;
    }

    public async ValueTask<bool> MoveBlockAsync(long blockId, int tierOrdinal, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(tierOrdinal);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(tierOrdinal, _tiers.Length);
        var block = await ClaimAsync(blockId, cancellationToken).ConfigureAwait(false);
        if (block.Directory.Tier.Ordinal == tierOrdinal)
        {
            ReleaseClaims([block]);
            return false;
        }

        try
        {
            var target = await ReserveAsync(tierOrdinal, tierOrdinal, null, block.Length, cancellationToken).ConfigureAwait(false);
            Move(block, target);
            return true;
        }
        catch
        {
            ReleaseClaims([block]);
            throw;
        }
    }

    public async ValueTask<int> PromoteAsync(CancellationToken cancellationToken = default)
    {
        var moved = 0;
        for (var t = 1; t < _tiers.Length; t++)
        {
            var upper = _tiers[t - 1];
            while (moved < _options.PromotionBlocksPerRound)
            {
                cancellationToken.ThrowIfCancellationRequested();
                BlockEntry? block;
                StorageDirectory? target;
                lock (_lock)
                {
                    ThrowIfDisposed();
                    var now = _clock;
                    var limit = (long)(upper.Capacity * _options.PromotionQuotaFraction) - upper.Used - upper.Directories.Sum(d => d.Reserved);
                    block = _tiers[t].Directories.SelectMany(d => d.Blocks.Values)
                        .Where(b => b.State == BlockState.Committed && b.Readers == 0 && b.Length <= limit)
                        .MaxBy(b => _annotator.Score(b, now));
                    target = block is null ? null : _allocator.Choose(upper, block.Length);
                    if (block is null || target is null)
                    {
                        break;
                    }

                    target.Reserved += block.Length;
                    block.State = BlockState.Moving;
                }

                try
                {
                    Move(block, target);
                    moved++;
                }
                catch (BlockStoreException e)
                {
                    TieredStoreLog.MoveFailed(_logger, block.Id, upper.Alias, e.Message);
                    ReleaseClaims([block]);
                    break;
                }
            }
        }

        return moved;
    }

    /// <summary>Waits until the block is at rest with no readers and claims it (state Moving).</summary>
    private async ValueTask<BlockEntry> ClaimAsync(long blockId, CancellationToken cancellationToken)
    {
        while (true)
        {
            Task wait;
            lock (_lock)
            {
                ThrowIfDisposed();
                if (!_blocks.TryGetValue(blockId, out var block) || block.State is BlockState.Gone or BlockState.Removing)
                {
                    throw new BlockNotFoundException(blockId);
                }

                if (block.State == BlockState.Committed && block.Readers == 0)
                {
                    block.State = BlockState.Moving;
                    return block;
                }

                wait = block.Changed;
            }

            await wait.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Copies a claimed block (state Moving) into <paramref name="target"/>, where its length is reserved, verifying
    /// its checksums on the way, then switches the index to the copy and deletes the original. On failure the
    /// reservation is released and the block stays claimed where it was (or is dropped, if it was corrupt or unreadable).
    /// </summary>
    private void Move(BlockEntry block, StorageDirectory target)
    {
        var source = block.Directory;
        var sync = target.Tier.SyncOnCommit;
        var tempData = NewTempPath(target, block.Id);
        var tempMeta = tempData + ".meta";
        var renamed = false;
        try
        {
            CopyVerified(block, source.DataFile(block.Id), tempData, sync);
            WriteSmallFile(tempMeta, block.Checksums.Encode(), sync);
            TryDelete(target.MetaFile(block.Id));
            TryDelete(target.DataFile(block.Id));
            _files.Move(tempMeta, target.MetaFile(block.Id));
            renamed = true;
            _files.Move(tempData, target.DataFile(block.Id));
            if (sync)
            {
                _files.SyncDirectory(target.BlocksPath);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or BlockStoreException)
        {
            TryDelete(tempData);
            TryDelete(tempMeta);
            if (renamed)
            {
                TryDelete(target.MetaFile(block.Id));
            }

            Release(target, block.Length);
            throw e switch
            {
                BlockStoreException known => known,
                _ => MarkFailed(target, e),
            };
        }

        lock (_lock)
        {
            source.Blocks.Remove(block.Id);
            source.Committed -= block.Length;
            target.Reserved -= block.Length;
            target.Committed += block.Length;
            target.Blocks.Add(block.Id, block);
            block.Directory = target;
            block.Checked = false; // a new file: its next reader checks it again
        }

        // The old files go while the claim is still held: once released, the block may move back into the source
        // directory, and a late delete would take the new copy's files.
        TryDelete(source.DataFile(block.Id));
        TryDelete(source.MetaFile(block.Id));
        BlockInfo info;
        lock (_lock)
        {
            block.State = BlockState.Committed;
            block.SignalChanged();
            SignalSpace();
            info = Info(block);
        }

        _listener?.OnBlockMoved(info);
    }

    /// <summary>Copies a block's data file chunk by chunk, checking each chunk's CRC32C; a mismatch or read error drops the block.</summary>
    private void CopyVerified(BlockEntry block, string sourcePath, string targetPath, bool sync)
    {
        var chunkBytes = block.Checksums.ChunkBytes;
        var buffer = ArrayPool<byte>.Shared.Rent(chunkBytes);
        try
        {
            using var output = _files.Create(targetPath);
            IDisposable? inputHandle = null;
            try
            {
                Files.IBlockFile input;
                try
                {
                    input = _files.OpenRead(sourcePath);
                    inputHandle = input;
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    throw DropUnreadable(block, e);
                }

                for (var chunk = 0; chunk < block.Checksums.ChunkCrcs.Length; chunk++)
                {
                    var offset = (long)chunk * chunkBytes;
                    var length = (int)Math.Min(chunkBytes, block.Length - offset);
                    var span = buffer.AsSpan(0, length);
                    int read;
                    try
                    {
                        read = ReadFully(input, offset, span);
                    }
                    catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                    {
                        throw DropUnreadable(block, e);
                    }

                    if (read != length || Crc32C.Compute(span) != block.Checksums.ChunkCrcs[chunk])
                    {
                        throw DropCorrupt(block, read != length ? "data file shorter than its length" : $"chunk {chunk} does not match its CRC32C");
                    }

                    output.Write(offset, span);
                }
            }
            finally
            {
                inputHandle?.Dispose();
            }

            if (sync)
            {
                output.Sync();
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Reads until <paramref name="buffer"/> is full or the file ends; returns the bytes read.</summary>
    internal static int ReadFully(Files.IBlockFile file, long offset, Span<byte> buffer)
    {
        var total = 0;
        while (total < buffer.Length)
        {
            var n = file.Read(offset + total, buffer[total..]);
            if (n == 0)
            {
                break;
            }

            total += n;
        }

        return total;
    }

    /// <summary>
    /// Deletes a claimed block's files, then takes it out of the index: the id stays taken until its files are gone, so
    /// a new block with the same id can never have its files deleted by this call.
    /// </summary>
    private void DeleteBlock(BlockEntry block, BlockRemovalReason reason, string detail)
    {
        var dir = block.Directory;
        TryDelete(dir.DataFile(block.Id));
        TryDelete(dir.MetaFile(block.Id));
        lock (_lock)
        {
            dir.Blocks.Remove(block.Id);
            dir.Committed -= block.Length;
            _blocks.Remove(block.Id);
            block.State = BlockState.Gone;
            block.SignalChanged();
            SignalSpace();
        }

        if (reason is BlockRemovalReason.Corrupted or BlockRemovalReason.Lost)
        {
            TieredStoreLog.BlockDropped(_logger, block.Id, reason.ToString(), detail);
        }

        _listener?.OnBlockRemoved(block.Id, reason);
    }

    /// <summary>Drops a block whose bytes fail their checksums (even while it has readers) and returns the error.</summary>
    internal BlockCorruptedException DropCorrupt(BlockEntry block, string detail)
    {
        if (ClaimForDrop(block))
        {
            DeleteBlock(block, BlockRemovalReason.Corrupted, detail);
        }

        return new BlockCorruptedException(block.Id, detail);
    }

    /// <summary>Drops a block whose file cannot be read and returns the error (the caller re-reads the UFS).</summary>
    internal BlockCorruptedException DropUnreadable(BlockEntry block, Exception error)
    {
        if (ClaimForDrop(block))
        {
            DeleteBlock(block, BlockRemovalReason.Lost, error.Message);
        }

        return new BlockCorruptedException(block.Id, $"its file cannot be read: {error.Message}");
    }

    /// <summary>
    /// Claims a block found bad by a reader (state Committed: its readers keep everyone else away) or by the mover
    /// that holds it (state Moving). <see langword="false"/> when another thread is already deleting it.
    /// </summary>
    private bool ClaimForDrop(BlockEntry block)
    {
        lock (_lock)
        {
            if (block.State is BlockState.Removing or BlockState.Gone)
            {
                return false;
            }

            block.State = BlockState.Removing;
            return true;
        }
    }
}
