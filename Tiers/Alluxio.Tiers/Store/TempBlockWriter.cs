using Alluxio.Tiers.Format;

namespace Alluxio.Tiers.Store;

/// <summary>The <see cref="IBlockWriter"/> of a temp block: reserves as it grows, checksums as it writes.</summary>
internal sealed class TempBlockWriter(TieredBlockStore store, TempBlock temp, ChunkChecksummer checksums, long reservationBytes) : IBlockWriter
{
    private bool _finished;

    public long BlockId => temp.Id;

    public long Length => checksums.Length;

    public string TierAlias => temp.Directory.Tier.Alias;

    public async ValueTask WriteAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_finished, this);
        try
        {
            var shortfall = checksums.Length + data.Length - temp.Reserved;
            if (shortfall > 0)
            {
                // Reserve a step ahead; when the step does not fit, exactly what this write needs may.
                var step = Math.Max(shortfall, reservationBytes);
                try
                {
                    await store.GrowAsync(temp, step, cancellationToken).ConfigureAwait(false);
                }
                catch (Exceptions.BlockStoreFullException) when (step > shortfall)
                {
                    await store.GrowAsync(temp, shortfall, cancellationToken).ConfigureAwait(false);
                }
            }

            try
            {
                temp.File.Write(checksums.Length, data.Span);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw store.WriteFailed(temp, e);
            }

            checksums.Append(data.Span);
        }
        catch
        {
            Finish(abort: true);
            throw;
        }
    }

    public ValueTask<BlockInfo> CommitAsync(CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_finished, this);
        cancellationToken.ThrowIfCancellationRequested();
        try
        {
            var info = store.Commit(temp, checksums.Finish(temp.Id));
            _finished = true;
            return ValueTask.FromResult(info);
        }
        catch
        {
            Finish(abort: true);
            throw;
        }
    }

    public void Dispose() => Finish(abort: true);

    private void Finish(bool abort)
    {
        if (_finished)
        {
            return;
        }

        _finished = true;
        if (abort)
        {
            store.Abort(temp);
        }
    }
}
