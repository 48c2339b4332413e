using Alluxio.Tiers.Format;

namespace Alluxio.Tiers.Store;

/// <summary>The <see cref="IBlockWriter"/> of a temp block: reserves as it grows, checksums as it writes.</summary>
internal sealed class TempBlockWriter(TieredBlockStore store, TempBlock temp, ChunkChecksummer checksums, long reservationBytes) : IBlockWriter
{
    private bool _finished;

    public long BlockId => temp.Id;

    public long Length => checksums.Length;

    public string TierAlias => temp.Directory.Tier.Alias;

    public string FilePath => temp.FilePath;

    public async ValueTask ReserveAsync(long totalBytes, CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_finished, this);
        try
        {
            if (totalBytes > temp.Reserved)
            {
                await store.GrowAsync(temp, totalBytes - temp.Reserved, cancellationToken).ConfigureAwait(false);
            }
        }
        catch
        {
            Finish(abort: true);
            throw;
        }
    }

    public int ChunkBytes => checksums.ChunkBytes;

    public async ValueTask<BlockInfo> CommitWrittenAsync(long length, IReadOnlyList<uint>? chunkCrcs = null, CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_finished, this);
        if (checksums.Length != 0)
        {
            throw new InvalidOperationException("A block written through WriteAsync is committed with CommitAsync.");
        }

        try
        {
            if (length != temp.File.Length)
            {
                throw new Exceptions.BlockStoreException($"block {temp.Id}: {temp.File.Length} bytes are in its file, {length} were announced");
            }

            await ReserveAsync(length, cancellationToken).ConfigureAwait(false);
            if (chunkCrcs is not null)
            {
                if (chunkCrcs.Count != Format.BlockChecksums.ChunkCount(length, ChunkBytes))
                {
                    throw new Exceptions.BlockStoreException($"block {temp.Id}: {chunkCrcs.Count} checksums for {length} bytes in chunks of {ChunkBytes}");
                }

                var given = store.Commit(temp, new Format.BlockChecksums(temp.Id, length, ChunkBytes, [.. chunkCrcs]));
                _finished = true;
                return given;
            }

            var buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(1 << 20);
            try
            {
                for (long offset = 0; offset < length;)
                {
                    var read = temp.File.Read(offset, buffer.AsSpan(0, (int)Math.Min(buffer.Length, length - offset)));
                    if (read == 0)
                    {
                        throw new Exceptions.BlockStoreException($"block {temp.Id}: its file ended at {offset} of {length} bytes");
                    }

                    checksums.Append(buffer.AsSpan(0, read));
                    offset += read;
                }
            }
            finally
            {
                System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
            }

            var info = store.Commit(temp, checksums.Finish(temp.Id));
            _finished = true;
            return info;
        }
        catch
        {
            Finish(abort: true);
            throw;
        }
    }

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
