using Alluxio.Client.Internal;
using Alluxio.Client.IO;
using Alluxio.Grains.Exceptions;
using Alluxio.Grains.FileSystem;
using Alluxio.Grains.Wire;
using Alluxio.Grpc;

namespace Alluxio.Client;

public sealed partial class FileSystem
{
    /// <summary>The client's options.</summary>
    public FileSystemClientOptions Options => _options;

    internal GrpcChannel Channel => _channel;

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
    public async Task<FileStatus> PersistAsync(string path, CancellationToken cancellationToken = default) =>
        (await Call(Methods.ScheduleAsyncPersistence, new Protos.Grpc.File.ScheduleAsyncPersistencePRequest { Path = path }, cancellationToken)).FileInfo.FromWire();

    /// <summary>The files waiting to be persisted, with their attempts and last failure.</summary>
    public async Task<IReadOnlyList<PendingPersistInfo>> ListPendingPersistsAsync(CancellationToken cancellationToken = default) =>
        [.. (await Call(Methods.ListPendingPersists, new Protos.Grpc.File.ListPendingPersistsPRequest(), cancellationToken)).Files
            .Select(f => new PendingPersistInfo(f.Path, f.FileId, f.Attempts, DateTimeOffset.FromUnixTimeMilliseconds(f.NextAttemptMs), f.LastError.Length > 0 ? f.LastError : null))];

    /// <summary>Options of a block stream: no deadline (a stream lives as long as its reader or writer), the caller's token.</summary>
    internal CallOptions StreamCallOptions(CancellationToken cancellationToken) => new(_headers, null, cancellationToken);

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
}
