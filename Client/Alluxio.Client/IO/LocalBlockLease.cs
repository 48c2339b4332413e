using Alluxio.Client.Internal;
using Alluxio.Grpc;
using Alluxio.Protos.Grpc.Block;
using Alluxio.Runtime.Hashing;
using Microsoft.Win32.SafeHandles;

namespace Alluxio.Client.IO;

/// <summary>
/// A cached block read straight from the worker's block file (short-circuit), under the worker's lease: the block is
/// neither evicted nor moved while this is open. Or, for a block not cached whose UFS file is on this host, that
/// file's range of the block (<see cref="FromUfs"/>: no checksums, the UFS being the source of truth). Disposing
/// closes the file and ends the lease.
/// </summary>
internal sealed class LocalBlockLease : IDisposable
{
    private readonly FileSystem _fs;
    private readonly AsyncDuplexStreamingCall<OpenLocalBlockRequest, OpenLocalBlockResponse> _call;
    private readonly SafeFileHandle _file;
    private readonly int _chunkBytes;
    private readonly uint[] _crcs;
    private readonly bool[] _verified;
    private readonly long _offset; // of the block in the file
    private long _bytesRead; // reported to the worker when the lease ends (its metrics)

    private LocalBlockLease(FileSystem fs, AsyncDuplexStreamingCall<OpenLocalBlockRequest, OpenLocalBlockResponse> call, SafeFileHandle file, OpenLocalBlockResponse response)
    {
        _fs = fs;
        _call = call;
        _file = file;
        Length = response.Length;
        TierAlias = response.TierAlias;
        FromUfs = response.FromUfs;
        _offset = response.Offset;
        _chunkBytes = response.ChunkBytes;
        _crcs = [.. response.ChunkCrcs];
        _verified = new bool[_crcs.Length];
        if (response.Trusted)
        {
            Array.Fill(_verified, true); // the worker vouches: every chunk was checked since the block landed in memory
        }
    }

    public long Length { get; }

    public string TierAlias { get; }

    /// <summary>The block is not cached: this reads its range of the UFS file.</summary>
    public bool FromUfs { get; }

    /// <summary>The block's UFS file was offered but could not be used here, and the block was leased from the cache instead.</summary>
    public bool UfsRefused { get; private set; }

    /// <summary>
    /// Leases and opens a block; <see langword="null"/> when it is not cached on the worker (and neither
    /// <paramref name="ufsOnMiss"/> found its UFS file on this host nor <paramref name="cacheOnMiss"/> cached it) or its
    /// file cannot be opened here. A UFS file this process may not open, or that is not the file the worker saw (another
    /// mount namespace with the same path), is asked for again without <paramref name="ufsOnMiss"/> when
    /// <paramref name="cacheOnMiss"/> (the worker then caches the block and leases its file; <see cref="UfsRefused"/>).
    /// </summary>
    public static async Task<LocalBlockLease?> TryOpenAsync(FileSystem fs, long blockId, bool promote, bool cacheOnMiss, bool ufsOnMiss, CancellationToken cancellationToken)
    {
        var call = fs.Channel.DuplexStreaming(Methods.OpenLocalBlock, fs.StreamCallOptions(cancellationToken));
        OpenLocalBlockResponse? response = null;
        try
        {
            await call.RequestStream.WriteAsync(new OpenLocalBlockRequest { BlockId = blockId, Promote = promote, CacheOnMiss = cacheOnMiss, UfsOnMiss = ufsOnMiss }, cancellationToken);
            if (!await call.ResponseStream.MoveNext(cancellationToken))
            {
                call.Dispose();
                return null;
            }

            response = call.ResponseStream.Current;
            if (response.FromUfs ? response.Offset < 0 || response.Length < 0
                : response.ChunkBytes <= 0 || response.ChunkCrcs.Count != (int)((response.Length + response.ChunkBytes - 1) / response.ChunkBytes))
            {
                fs.TrackClosing(CloseAsync(call, 0));
                return null; // no checksums to check the block file with, or a range that cannot be: stream it
            }

            var file = File.OpenHandle(response.Path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, response.FromUfs ? FileOptions.SequentialScan : FileOptions.None);
            if (response.FromUfs && !IsFileTheWorkerSaw(file, response))
            {
                file.Dispose();
                throw new IOException($"{response.Path} here is not the UFS file the worker found there.");
            }

            return new LocalBlockLease(fs, call, file, response);
        }
        catch (Exception e) when (e is RpcException or IOException or UnauthorizedAccessException)
        {
            // Not cached here (NOT_FOUND), another host's path, no permission, a container boundary: use gRPC.
            if (response is null)
            {
                call.Dispose(); // the call failed: nothing to close in order
            }
            else
            {
                fs.TrackClosing(CloseAsync(call, 0));
            }

            if (response is not { FromUfs: true } || !cacheOnMiss)
            {
                return null;
            }

            var cached = await TryOpenAsync(fs, blockId, promote, cacheOnMiss, ufsOnMiss: false, cancellationToken);
            if (cached is not null)
            {
                cached.UfsRefused = true;
            }

            return cached;
        }
    }

    /// <summary>Whether the opened UFS file has the length and modification time the worker reported for it.</summary>
    private static bool IsFileTheWorkerSaw(SafeFileHandle file, OpenLocalBlockResponse response)
    {
        var modified = File.GetLastWriteTimeUtc(file);
        var nanos = (modified - DateTime.UnixEpoch).Ticks * 100;
        return RandomAccess.GetLength(file) == response.FileLength && Math.Abs(nanos - response.FileMtimeNanos) < 100;
    }

    /// <summary>
    /// Reads up to <paramref name="buffer"/>'s length at <paramref name="offset"/> in the block, checking the CRC32C of
    /// every chunk the first time it is touched (a partly read chunk is read whole once to check it).
    /// </summary>
    /// <exception cref="InvalidDataException">A chunk does not match its checksum (the caller reads the block over gRPC instead).</exception>
    public int Read(long offset, Span<byte> buffer)
    {
        var read = RandomAccess.Read(_file, buffer, _offset + offset);
        _bytesRead += read;
        if (read == 0 || FromUfs)
        {
            return read; // a UFS file shorter than recorded reads 0 here: the caller streams the block, and the worker reports it
        }

        var first = (int)(offset / _chunkBytes);
        var last = (int)((offset + read - 1) / _chunkBytes);
        for (var chunk = first; chunk <= last; chunk++)
        {
            if (_verified[chunk])
            {
                continue;
            }

            var start = (long)chunk * _chunkBytes;
            var length = (int)Math.Min(_chunkBytes, Length - start);
            uint crc;
            if (start >= offset && start + length <= offset + read)
            {
                crc = Crc32C.Compute(buffer.Slice((int)(start - offset), length));
            }
            else
            {
                var whole = new byte[length];
                crc = RandomAccess.Read(_file, whole, start) == length ? Crc32C.Compute(whole) : ~_crcs[chunk];
            }

            if (crc != _crcs[chunk])
            {
                throw new InvalidDataException($"Chunk {chunk} of the block file does not match its CRC32C.");
            }

            _verified[chunk] = true;
        }

        return read;
    }

    /// <summary>
    /// Closes the file and ends the lease: this side of the stream ends (after telling the worker how many bytes were
    /// read, for its metrics), and the stream is read to the worker's trailers
    /// in the background before it is disposed, so it closes in order rather than by a reset (resets pile up against
    /// Kestrel's per-connection stream limit; see BlockWorkerService.EndOfRequestsAsync).
    /// </summary>
    public void Dispose()
    {
        _file.Dispose();
        _fs.TrackClosing(CloseAsync(_call, _bytesRead));
    }

    private static async Task CloseAsync(AsyncDuplexStreamingCall<OpenLocalBlockRequest, OpenLocalBlockResponse> call, long bytesRead)
    {
        try
        {
            if (bytesRead > 0)
            {
                await call.RequestStream.WriteAsync(new OpenLocalBlockRequest { BytesRead = bytesRead }).ConfigureAwait(false);
            }

            await call.RequestStream.CompleteAsync().ConfigureAwait(false);
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await LocalBlockWriter.EndAsync(call, timeout.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is Grains.Exceptions.AlluxioException or RpcException or IOException or OperationCanceledException or TimeoutException or InvalidOperationException or ObjectDisposedException)
        {
            // The lease ends with the stream either way; a failed orderly close falls back to the reset below.
        }
        finally
        {
            call.Dispose();
        }
    }
}
