using Alluxio.Client.Internal;
using Alluxio.Client.IO;
using Alluxio.Grains.Exceptions;
using Alluxio.Grains.FileSystem;
using Alluxio.Grains.Wire;
using Alluxio.Grpc;
using Alluxio.Protos.Grpc.Block;

namespace Alluxio.Client;

public sealed partial class FileSystem
{
    /// <summary>The client's options.</summary>
    public FileSystemClientOptions Options => _options;

    internal GrpcChannel Channel => _masters.Current;

    /// <summary>
    /// Opens a file for reading (Alluxio's openFile): a seekable stream whose blocks come from the worker's cache, or
    /// from the UFS on a miss (cached or not per <see cref="OpenFileOptions.ReadType"/>).
    /// </summary>
    /// <exception cref="FileDoesNotExistException">No such file.</exception>
    /// <exception cref="InvalidPathException">The path is a directory.</exception>
    /// <exception cref="FailedPreconditionException">The file is still being written.</exception>
    public async Task<FileInStream> OpenReadAsync(string path, OpenFileOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new OpenFileOptions();
        var status = await GetStatusAsync(path, options.Sync, cancellationToken);
        if (status.Folder)
        {
            throw new InvalidPathException($"Path \"{status.Path}\" is a directory, not a file.");
        }

        if (!status.Completed)
        {
            throw new FailedPreconditionException($"File {status.Path} is incomplete: it is still being written.");
        }

        return new FileInStream(this, status, options.ReadType == ReadType.Default ? _options.DefaultReadType : options.ReadType);
    }

    /// <summary>
    /// Creates a file and returns a stream for its bytes (Alluxio's createFile with a FileOutStream); disposing the
    /// stream completes the file. Where the bytes go depends on <see cref="CreateFileOptions.WriteType"/>.
    /// </summary>
    public async Task<FileOutStream> OpenWriteAsync(string path, CreateFileOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new CreateFileOptions();
        var writeType = options.WriteType == WriteType.Default ? _options.DefaultWriteType : options.WriteType;
        var status = await CreateFileAsync(path, options with { WriteType = writeType }, cancellationToken);
        return new FileOutStream(this, status, writeType);
    }

    /// <summary>Persists a file now (alluxio fs persist): a NOT_PERSISTED file is scheduled, a failing one retried at once.</summary>
    public async Task<FileStatus> PersistAsync(string path, CancellationToken cancellationToken = default)
    {
        using var invalidate = Invalidating(path, tree: false); // its persistence state changes
        return (await Call(Methods.ScheduleAsyncPersistence, new Protos.Grpc.File.ScheduleAsyncPersistencePRequest { Path = path }, cancellationToken)).FileInfo.FromWire();
    }

    /// <summary>The files waiting to be persisted, with their attempts and last failure.</summary>
    public async Task<IReadOnlyList<PendingPersistInfo>> ListPendingPersistsAsync(CancellationToken cancellationToken = default) =>
        [.. (await Call(Methods.ListPendingPersists, new Protos.Grpc.File.ListPendingPersistsPRequest(), cancellationToken, idempotent: true)).Files
            .Select(f => new PendingPersistInfo(f.Path, f.FileId, f.Attempts, DateTimeOffset.FromUnixTimeMilliseconds(f.NextAttemptMs), f.LastError.Length > 0 ? f.LastError : null))];

    /// <summary>Frees cached data (alluxio fs free); refused for files not persisted, and for pinned files unless <paramref name="forced"/> (which unpins them).</summary>
    public async Task<FreeResult> FreeAsync(string path, bool recursive = false, bool forced = false, CancellationToken cancellationToken = default)
    {
        using var invalidate = Invalidating(path, tree: true); // cached percentages (and pins, with forced) change
        var response = await Call(Methods.Free, new Protos.Grpc.File.FreePRequest { Path = path, Options = new Protos.Grpc.File.FreePOptions { Recursive = recursive, Forced = forced } }, cancellationToken, idempotent: true);
        return new FreeResult(response.Files, response.Blocks);
    }

    /// <summary>
    /// Loads a file, or every file under a directory, into the cache (alluxio fs load): the worker reads each missing
    /// block from the UFS. <paramref name="progress"/> hears the bytes done after each block. Returns the bytes loaded.
    /// </summary>
    public async Task<long> LoadAsync(string path, IProgress<long>? progress = null, CancellationToken cancellationToken = default)
    {
        using var invalidate = Invalidating(path, tree: true); // cached percentages change
        long done = 0;
        await foreach (var file in FilesAsync(path, cancellationToken))
        {
            for (var i = 0; i < file.BlockIds.Count; i++)
            {
                await Call(Methods.Cache, new Protos.Grpc.Block.CacheRequest { BlockId = file.BlockIds[i] }, cancellationToken, TimeSpan.FromHours(1), idempotent: true);
                done += Math.Min(file.BlockSizeBytes, file.Length - (i * file.BlockSizeBytes));
                progress?.Report(done);
            }
        }

        return done;
    }

    /// <summary>Has the worker cache one block (a short-circuit reader's read-ahead); errors are the caller's to ignore.</summary>
    internal Task CacheBlockAsync(long blockId, CancellationToken cancellationToken) =>
        Call(Methods.Cache, new Protos.Grpc.Block.CacheRequest { BlockId = blockId }, cancellationToken, TimeSpan.FromHours(1), idempotent: true);

    /// <summary>The registered workers with their tiers' capacity and usage.</summary>
    public async Task<IReadOnlyList<Grains.Blocks.WorkerInfo>> GetWorkersAsync(CancellationToken cancellationToken = default) =>
        [.. (await Call(Methods.GetWorkerInfoList, new Protos.Grpc.Block.GetWorkerInfoListPRequest(), cancellationToken, idempotent: true)).Workers
            .Select(w => new Grains.Blocks.WorkerInfo(w.Id, w.Address, w.Host, [.. w.Tiers.Select(t => new Grains.Blocks.TierUsage(t.Alias, t.CapacityBytes, t.UsedBytes))], w.BlockCount, DateTimeOffset.FromUnixTimeMilliseconds(w.LastHeartbeatMs)))];

    /// <summary>Where each of the blocks is cached.</summary>
    public async Task<IReadOnlyDictionary<long, IReadOnlyList<Grains.Blocks.BlockLocation>>> GetBlockLocationsAsync(IEnumerable<long> blockIds, CancellationToken cancellationToken = default)
    {
        var request = new Protos.Grpc.Block.GetBlockLocationsPRequest();
        request.BlockIds.Add(blockIds);
        var response = await Call(Methods.GetBlockLocations, request, cancellationToken, idempotent: true);
        return response.Blocks.ToDictionary(
            b => b.BlockId,
            b => (IReadOnlyList<Grains.Blocks.BlockLocation>)[.. b.Locations.Select(l => new Grains.Blocks.BlockLocation(l.WorkerId, l.WorkerAddress, l.Host, l.TierAlias))]);
    }

    /// <summary>The file itself, or the files under a directory (recursively), streamed.</summary>
    public async IAsyncEnumerable<FileStatus> FilesAsync(string path, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var status = await GetStatusAsync(path, cancellationToken: cancellationToken);
        if (!status.Folder)
        {
            yield return status;
            yield break;
        }

        await foreach (var entry in ListStatusAsync(path, new ListStatusOptions(Recursive: true), cancellationToken))
        {
            if (!entry.Folder)
            {
                yield return entry;
            }
        }
    }

    private Task<bool>? _workerIsLocal;

    /// <summary>Whether the worker this client writes to runs on this host (short-circuit writes), asked once.</summary>
    internal Task<bool> WorkerIsLocalAsync() => _workerIsLocal ??= AskWorkerIsLocalAsync();

    private async Task<bool> AskWorkerIsLocalAsync()
    {
        try
        {
            return (await GetWorkersAsync()).Any(w => string.Equals(w.Host, _options.LocalHost, StringComparison.OrdinalIgnoreCase));
        }
        catch (AlluxioException)
        {
            return false;
        }
    }

    /// <summary>Options of a block stream: no deadline (a stream lives as long as its reader or writer), the caller's token.</summary>
    internal CallOptions StreamCallOptions(CancellationToken cancellationToken) => new(_headers, null, cancellationToken);

    /// <summary>
    /// Opens a ReadBlock stream: on the worker's data port (<see cref="FileSystemClientOptions.UseWorkerDataPort"/>),
    /// or over the master connection when that is off or cannot be reached (nothing was read then: falling back is safe).
    /// </summary>
    internal async ValueTask<IO.IBlockReader> OpenBlockReaderAsync(ReadRequest request, CancellationToken cancellationToken) =>
        await OnDataPortAsync(async direct => (IO.IBlockReader)new IO.DirectBlockReader(await direct.ServerStreamingAsync(Methods.ReadBlock, request, StreamCallOptions(cancellationToken))), cancellationToken)
        ?? new IO.GrpcBlockReader(Channel.ServerStreaming(Methods.ReadBlock, request, StreamCallOptions(cancellationToken)));

    /// <summary>
    /// Opens a client-streaming block rpc (WriteBlock, WriteUfsFile) whose chunks are field <paramref name="chunkField"/>
    /// of its request: on the worker's data port, or over the master connection when that is off or cannot be reached.
    /// </summary>
    internal async ValueTask<IO.IChunkStream<TRequest, TResponse>> OpenChunkStreamAsync<TRequest, TResponse>(
        Method<TRequest, TResponse> method, int chunkField, Func<Google.Protobuf.ByteString, TRequest> chunkMessage, CancellationToken cancellationToken)
        where TRequest : class, Google.Protobuf.IMessage<TRequest>
        where TResponse : class, Google.Protobuf.IMessage<TResponse>
    {
        return await OnDataPortAsync(async direct => (IO.IChunkStream<TRequest, TResponse>)new IO.DirectChunkStream<TRequest, TResponse>(await direct.StartCallAsync(method, StreamCallOptions(cancellationToken)), chunkField, method.ResponseParser), cancellationToken)
            ?? new IO.GrpcChunkStream<TRequest, TResponse>(Channel.ClientStreaming(method, StreamCallOptions(cancellationToken)), chunkMessage);
    }

    /// <summary>
    /// Opens a block stream on the worker's data port; null to use the master connection instead (the data port is
    /// off, or it cannot be reached: nothing was processed then, so falling back is safe). Other errors are the SDK's
    /// exceptions. The worker's address is looked up under no caller's token: the lookup is shared.
    /// </summary>
    private async ValueTask<T?> OnDataPortAsync<T>(Func<Grpc.Direct.DirectChannel, ValueTask<T>> open, CancellationToken cancellationToken)
        where T : class
    {
        if (await _workers.ForBlocksAsync(() => GetWorkersAsync(CancellationToken.None)) is not { } direct)
        {
            return null;
        }

        try
        {
            return await open(direct);
        }
        catch (RpcException e) when (e.StatusCode == StatusCode.Unavailable && !cancellationToken.IsCancellationRequested)
        {
            _workers.Failed(direct);
            return null;
        }
        catch (RpcException e)
        {
            throw ClientErrors.FromRpc(e);
        }
    }

    /// <summary>Reads the next message, with errors as the SDK's exceptions.</summary>
    internal static async Task<bool> MoveNextAsync<T>(IAsyncStreamReader<T> stream, CancellationToken cancellationToken)
    {
        try
        {
            return await stream.MoveNext(cancellationToken);
        }
        catch (RpcException e)
        {
            throw ClientErrors.FromRpc(e);
        }
    }

    /// <summary>
    /// Reads the next ReadBlock response in place, with errors as the SDK's exceptions: its chunk is a view of the
    /// received bytes, valid until the next read or until the call is disposed.
    /// </summary>
    internal static async Task<(bool More, ReadOnlyMemory<byte> Chunk, string Source)> NextChunkAsync(IPayloadStreamReader stream, CancellationToken cancellationToken)
    {
        try
        {
            if (!await stream.MoveNextPayload(cancellationToken))
            {
                return (false, default, "");
            }
        }
        catch (RpcException e)
        {
            throw ClientErrors.FromRpc(e);
        }

        try
        {
            ReadResponseWire.Read(stream.CurrentPayload, out var chunk, out var source);
            return (true, chunk, source);
        }
        catch (InvalidDataException e)
        {
            throw new IOException($"The worker sent a malformed block chunk: {e.Message}", e);
        }
    }
}
