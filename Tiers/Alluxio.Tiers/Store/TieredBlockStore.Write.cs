using Alluxio.Tiers.Exceptions;
using Alluxio.Tiers.Format;

namespace Alluxio.Tiers.Store;

public sealed partial class TieredBlockStore
{
    public async ValueTask<IBlockWriter> CreateBlockAsync(long blockId, BlockWriteOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new BlockWriteOptions();
        ArgumentOutOfRangeException.ThrowIfNegative(blockId);
        ArgumentOutOfRangeException.ThrowIfNegative(options.TierOrdinal);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(options.TierOrdinal, _tiers.Length);
        ArgumentOutOfRangeException.ThrowIfNegative(options.ExpectedLength);
        var temp = new TempBlock(blockId, options.Pinned);
        lock (_lock)
        {
            ThrowIfDisposed();
            if (_blocks.ContainsKey(blockId))
            {
                throw new BlockAlreadyExistsException(blockId, beingWritten: false);
            }

            if (!_temp.TryAdd(blockId, temp))
            {
                throw new BlockAlreadyExistsException(blockId, beingWritten: true);
            }
        }

        var reserve = options.ExpectedLength > 0 ? options.ExpectedLength : _options.ReservationBytes;
        TierDirectoryFailedException? failure = null;
        try
        {
            for (var attempt = 1; ; attempt++)
            {
                StorageDirectory dir;
                try
                {
                    dir = await ReserveAsync(options.TierOrdinal, _tiers.Length - 1, null, reserve, cancellationToken).ConfigureAwait(false);
                }
                catch (BlockStoreFullException) when (failure is not null)
                {
                    throw failure; // the directories this call tried failed: that is the news, not the lack of room
                }
                catch (BlockStoreFullException) when (options.ExpectedLength == 0 && reserve > 0)
                {
                    reserve = 0; // no room for a step ahead: start empty and reserve exactly what each write needs
                    attempt--;
                    continue;
                }

                var path = NewTempPath(dir, blockId);
                try
                {
                    temp.Attach(dir, reserve, path, _files.Create(path));
                    break;
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    Release(dir, reserve);
                    failure = MarkFailed(dir, e);
                    if (attempt >= 3)
                    {
                        throw failure;
                    }
                }
            }
        }
        catch
        {
            lock (_lock)
            {
                _temp.Remove(blockId);
            }

            throw;
        }

        if (options.Pinned)
        {
            SetPinned(blockId, pinned: true);
        }

        return new TempBlockWriter(this, temp, new ChunkChecksummer(_options.ChecksumChunkBytes), _options.ReservationBytes);
    }

    /// <summary>Reserves <paramref name="bytes"/> more for a temp block, in its own directory (evicting there if needed).</summary>
    internal async ValueTask GrowAsync(TempBlock temp, long bytes, CancellationToken cancellationToken)
    {
        await ReserveAsync(temp.Directory.Tier.Ordinal, temp.Directory.Tier.Ordinal, temp.Directory, bytes, cancellationToken).ConfigureAwait(false);
        temp.Reserved += bytes;
    }

    /// <summary>A disk error while writing a temp block: marks its directory unhealthy.</summary>
    internal TierDirectoryFailedException WriteFailed(TempBlock temp, Exception error) => MarkFailed(temp.Directory, error);

    /// <summary>
    /// Commits a temp block: fsync (on syncing tiers), sidecar, rename sidecar then data into <c>blocks/</c>, fsync of
    /// the directory, then the index. On failure the caller aborts the temp block.
    /// </summary>
    internal BlockInfo Commit(TempBlock temp, BlockChecksums checksums)
    {
        var dir = temp.Directory;
        var sync = dir.Tier.SyncOnCommit;
        var tempMeta = temp.FilePath + ".meta";
        var renamed = false;
        try
        {
            if (sync)
            {
                temp.File.Sync();
            }

            temp.File.Dispose();
            WriteSmallFile(tempMeta, checksums.Encode(), sync);
            TryDelete(dir.MetaFile(temp.Id)); // leftovers of a block whose deletion failed
            TryDelete(dir.DataFile(temp.Id));
            _files.Move(tempMeta, dir.MetaFile(temp.Id));
            renamed = true;
            _files.Move(temp.FilePath, dir.DataFile(temp.Id));
            if (sync)
            {
                _files.SyncDirectory(dir.BlocksPath);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            TryDelete(tempMeta);
            if (renamed)
            {
                TryDelete(dir.MetaFile(temp.Id));
            }

            throw MarkFailed(dir, e);
        }

        BlockInfo info;
        lock (_lock)
        {
            var block = new BlockEntry(temp.Id, dir, checksums);
            dir.Reserved -= temp.Reserved;
            dir.Committed += block.Length;
            dir.Blocks.Add(block.Id, block);
            _blocks.Add(block.Id, block);
            _temp.Remove(temp.Id);
            temp.Reserved = 0;
            _annotator.OnAccess(block, ++_clock);
            SignalSpace();
            info = Info(block);
        }

        _listener?.OnBlockAdded(info);
        return info;
    }

    /// <summary>Deletes a temp block's file and gives back its reservation and id.</summary>
    internal void Abort(TempBlock temp)
    {
        if (temp.File is not null)
        {
            temp.File.Dispose();
            TryDelete(temp.FilePath);
            TryDelete(temp.FilePath + ".meta");
        }

        lock (_lock)
        {
            if (temp.Directory is not null)
            {
                temp.Directory.Reserved -= temp.Reserved;
                temp.Reserved = 0;
            }

            _temp.Remove(temp.Id);
            SignalSpace();
        }
    }
}
