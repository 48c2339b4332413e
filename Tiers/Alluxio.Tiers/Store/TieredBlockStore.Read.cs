using Alluxio.Tiers.Exceptions;
using Alluxio.Tiers.Files;

namespace Alluxio.Tiers.Store;

public sealed partial class TieredBlockStore
{
    public async ValueTask<IBlockReader> OpenReadAsync(long blockId, BlockReadOptions? options = null, CancellationToken cancellationToken = default)
    {
        var promote = options?.Promote == true;
        BlockEntry block;
        string path, alias;
        while (true)
        {
            Task? wait = null;
            var promoting = false;
            lock (_lock)
            {
                ThrowIfDisposed();
                if (!_blocks.TryGetValue(blockId, out block!) || block.State is BlockState.Removing or BlockState.Gone)
                {
                    throw new BlockNotFoundException(blockId);
                }

                if (block.State == BlockState.Moving)
                {
                    wait = block.Changed;
                }
                else if (promote && block.Directory.Tier.Ordinal > 0 && block.Readers == 0)
                {
                    block.State = BlockState.Moving;
                    promoting = true;
                }
                else
                {
                    block.Readers++;
                    _annotator.OnAccess(block, ++_clock);
                    path = block.Directory.DataFile(blockId);
                    alias = block.Directory.Tier.Alias;
                    break;
                }
            }

            if (promoting)
            {
                promote = false; // one attempt: if there is no room above, read it where it is
                await TryPromoteAsync(block, cancellationToken).ConfigureAwait(false);
                continue;
            }

            await wait!.WaitAsync(cancellationToken).ConfigureAwait(false);
        }

        IBlockFile file;
        try
        {
            file = _files.OpenRead(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            var error = DropUnreadable(block, e);
            ReleaseReader(block);
            throw error;
        }

        var trusted = block.Checked && block.Directory.Tier.TrustCheckedBlocks;
        return new BlockReader(this, block, file, path, alias, _options.VerifyChecksumsOnRead && !trusted, trusted);
    }

    /// <summary>Moves a claimed block to the top tier (evicting there); leaves it where it is when that cannot be done.</summary>
    private async ValueTask TryPromoteAsync(BlockEntry block, CancellationToken cancellationToken)
    {
        try
        {
            var target = await ReserveAsync(0, 0, null, block.Length, cancellationToken).ConfigureAwait(false);
            Move(block, target);
        }
        catch (BlockStoreException e) when (e is not BlockCorruptedException)
        {
            TieredStoreLog.MoveFailed(_logger, block.Id, _tiers[0].Alias, e.Message);
            ReleaseClaims([block]);
        }
        catch (OperationCanceledException)
        {
            ReleaseClaims([block]);
            throw;
        }
        catch (BlockCorruptedException)
        {
            // Dropped; the next loop reports it missing.
        }
    }

    /// <summary>A reader's lease ends.</summary>
    internal void ReleaseReader(BlockEntry block)
    {
        lock (_lock)
        {
            block.Readers--;
            if (block.Readers == 0)
            {
                block.SignalChanged();
            }
        }
    }
}
