using System.Runtime.CompilerServices;
using Alluxio.Client.Internal;
using Alluxio.Grains.Exceptions;
using Alluxio.Grains.FileSystem;
using Alluxio.Grains.Wire;
using Alluxio.Grpc;
using Alluxio.Protos.Grpc.File;
using Google.Protobuf;

namespace Alluxio.Client;

/// <summary>
/// A client of an Alluxio.Orleans master: the namespace operations (this file) and master administration
/// (<see cref="FileSystem"/>.Admin.cs). Thread-safe; create one per process and reuse it (one HTTP/2 connection pool).
/// Errors surface as the server's <see cref="Grains.Exceptions.AlluxioException"/> types, a call past
/// <see cref="FileSystemClientOptions.CallTimeout"/> as <see cref="TimeoutException"/>.
/// </summary>
public sealed partial class FileSystem : IDisposable
{
    private readonly GrpcChannel _channel;
    private readonly FileSystemClientOptions _options;
    private readonly Metadata _headers;
    private readonly object _sessionLock = new();
    private volatile MetadataSession? _session;

    private FileSystem(GrpcChannel channel, FileSystemClientOptions options)
    {
        _channel = channel;
        _options = options;
        _headers = new Metadata().Add(WireHeaders.User, options.User);
    }

    /// <summary>The master address.</summary>
    public Uri Address => _channel.Address;

    /// <summary>Connects to a master at "host:port" or "http://host:port" (no I/O until the first call).</summary>
    public static FileSystem Connect(string master, FileSystemClientOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(master);
        options ??= new FileSystemClientOptions();
        var address = master.Contains("://", StringComparison.Ordinal) ? master : "http://" + master;
        var channel = GrpcChannel.ForAddress(address, new GrpcChannelOptions { MaxReceiveMessageSize = options.MaxReceiveMessageSize });
        return new FileSystem(channel, options);
    }

    /// <summary>The status of a file or directory (loads it from the UFS per the sync policy).</summary>
    public async Task<FileStatus> GetStatusAsync(string path, SyncOptions? sync = null, CancellationToken cancellationToken = default)
    {
        var request = new GetStatusPRequest { Path = path, Options = new GetStatusPOptions { LoadMetadataType = WireMapping.LoadTypeToWire(sync), CommonOptions = WireMapping.ToWire(sync) } };
        return (await Meta(new MetadataRequest { GetStatus = request }, cancellationToken)).GetStatus.FileInfo.FromWire();
    }

    /// <summary>Whether the path exists (after loading it from the UFS per the sync policy).</summary>
    public async Task<bool> ExistsAsync(string path, SyncOptions? sync = null, CancellationToken cancellationToken = default)
    {
        var request = new ExistsPRequest { Path = path, Options = new GetStatusPOptions { LoadMetadataType = WireMapping.LoadTypeToWire(sync), CommonOptions = WireMapping.ToWire(sync) } };
        return (await Meta(new MetadataRequest { Exists = request }, cancellationToken)).Exists.Exists;
    }

    /// <summary>Streams a directory's entries (or the file itself); recursive listings stream breadth-first.</summary>
    public async IAsyncEnumerable<FileStatus> ListStatusAsync(string path, ListStatusOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        options ??= new ListStatusOptions();
        var request = new ListStatusPRequest
        {
            Path = path,
            Options = new ListStatusPOptions
            {
                Recursive = options.Recursive,
                LoadMetadataType = WireMapping.LoadTypeToWire(options.Sync),
                CommonOptions = WireMapping.ToWire(options.Sync),
                LoadMetadataOnly = options.LoadMetadataOnly,
            },
        };
        using var call = _channel.ServerStreaming(Methods.ListStatus, request, CallOptions(cancellationToken, TimeSpan.FromHours(1)));
        while (true)
        {
            ListStatusPResponseView batch;
            try
            {
                if (!await call.ResponseStream.MoveNext(cancellationToken))
                {
                    yield break;
                }

                batch = call.ResponseStream.Current;
            }
            catch (RpcException e)
            {
                throw ClientErrors.FromRpc(e);
            }

            foreach (var entry in batch.FileInfos)
            {
                yield return ReadEntry(entry);
            }
        }
    }

    /// <summary>Creates a directory (and, with Recursive, its missing parents).</summary>
    public async Task<FileStatus> CreateDirectoryAsync(string path, CreateDirectoryOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new CreateDirectoryOptions();
        var wire = new CreateDirectoryPOptions
        {
            Recursive = options.Recursive,
            AllowExists = options.AllowExists,
            WriteType = WireMapping.ToWire(options.WriteType),
            CommonOptions = Common(options.Sync, options.Ttl, options.TtlAction),
        };
        if (options.Mode is { } mode)
        {
            wire.Mode = mode;
        }

        return (await Meta(new MetadataRequest { CreateDirectory = new CreateDirectoryPRequest { Path = path, Options = wire } }, cancellationToken)).CreateDirectory.FileInfo.FromWire();
    }

    /// <summary>Creates an incomplete file; complete it with <see cref="CompleteFileAsync"/> once its data is written.</summary>
    public async Task<FileStatus> CreateFileAsync(string path, CreateFileOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new CreateFileOptions();
        var wire = new CreateFilePOptions
        {
            BlockSizeBytes = options.BlockSizeBytes,
            Recursive = options.Recursive,
            ReplicationMin = options.ReplicationMin,
            ReplicationMax = options.ReplicationMax,
            WriteType = WireMapping.ToWire(options.WriteType),
            CommonOptions = Common(options.Sync, options.Ttl, options.TtlAction),
            Overwrite = options.Overwrite,
        };
        if (options.Mode is { } mode)
        {
            wire.Mode = mode;
        }

        return (await Meta(new MetadataRequest { CreateFile = new CreateFilePRequest { Path = path, Options = wire } }, cancellationToken)).CreateFile.FileInfo.FromWire();
    }

    /// <summary>Marks a file complete with its length (and whether its data is persisted).</summary>
    public async Task<FileStatus> CompleteFileAsync(string path, CompleteFileOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new CompleteFileOptions();
        var wire = new CompleteFilePOptions { UfsLength = options.Length, Persisted = options.Persisted, AsyncPersist = options.AsyncPersist };
        return (await Meta(new MetadataRequest { CompleteFile = new CompleteFilePRequest { Path = path, Options = wire } }, cancellationToken)).CompleteFile.FileInfo.FromWire();
    }

    /// <summary>Deletes a file or directory (Recursive for non-empty directories; AlluxioOnly leaves the UFS alone).</summary>
    public Task DeleteAsync(string path, DeleteOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new DeleteOptions();
        var wire = new DeletePOptions { Recursive = options.Recursive, AlluxioOnly = options.AlluxioOnly, Unchecked = options.Unchecked, CommonOptions = WireMapping.ToWire(options.Sync) };
        return Meta(new MetadataRequest { Remove = new DeletePRequest { Path = path, Options = wire } }, cancellationToken);
    }

    /// <summary>Renames (moves) a path; the destination must not exist and must be in the same mount.</summary>
    public Task RenameAsync(string source, string destination, RenameOptions? options = null, CancellationToken cancellationToken = default) =>
        Meta(new MetadataRequest { Rename = new RenamePRequest { Path = source, DstPath = destination, Options = new RenamePOptions { CommonOptions = WireMapping.ToWire(options?.Sync) } } }, cancellationToken);

    /// <summary>Changes owner, group, mode, pin, TTL or replication (only the values set).</summary>
    public Task SetAttributeAsync(string path, SetAttributeOptions options, CancellationToken cancellationToken = default)
    {
        var wire = new SetAttributePOptions { Recursive = options.Recursive, CommonOptions = Common(options.Sync, options.Ttl, options.TtlAction) };
        if (options.Owner is { } owner)
        {
            wire.Owner = owner;
        }

        if (options.Group is { } group)
        {
            wire.Group = group;
        }

        if (options.Mode is { } mode)
        {
            wire.Mode = mode;
        }

        if (options.Pinned is { } pinned)
        {
            wire.Pinned = pinned;
        }

        if (options.ReplicationMin is { } min)
        {
            wire.ReplicationMin = min;
        }

        if (options.ReplicationMax is { } max)
        {
            wire.ReplicationMax = max;
        }

        wire.SetTtl = options.Ttl is not null || options.TtlAction is not null;
        return Meta(new MetadataRequest { SetAttribute = new SetAttributePRequest { Path = path, Options = wire } }, cancellationToken);
    }

    /// <summary>Fails with AccessControlException unless the user has the access bits on the path.</summary>
    public Task CheckAccessAsync(string path, AccessBits bits, CancellationToken cancellationToken = default) =>
        Meta(new MetadataRequest { CheckAccess = new CheckAccessPRequest { Path = path, Options = new CheckAccessPOptions { Bits = (int)bits } } }, cancellationToken);

    /// <summary>Mounts a UFS at an Alluxio path that does not exist yet.</summary>
    public Task MountAsync(string alluxioPath, string ufsUri, MountOptions? options = null, CancellationToken cancellationToken = default) =>
        Call(Methods.Mount, new MountPRequest { AlluxioPath = alluxioPath, UfsPath = ufsUri, Options = MountWire(options) }, cancellationToken);

    /// <summary>Replaces a mount's options (read-only, shared, properties).</summary>
    public Task UpdateMountAsync(string alluxioPath, MountOptions options, CancellationToken cancellationToken = default) =>
        Call(Methods.UpdateMount, new UpdateMountPRequest { AlluxioPath = alluxioPath, Options = MountWire(options) }, cancellationToken);

    /// <summary>Unmounts; drops the subtree's metadata and cached data, never the UFS data.</summary>
    public Task UnmountAsync(string alluxioPath, CancellationToken cancellationToken = default) =>
        Call(Methods.Unmount, new UnmountPRequest { AlluxioPath = alluxioPath }, cancellationToken);

    /// <summary>Every mount, sorted by Alluxio path.</summary>
    public async Task<IReadOnlyList<MountInfo>> GetMountTableAsync(CancellationToken cancellationToken = default) =>
        [.. (await Call(Methods.GetMountTable, new GetMountTablePRequest(), cancellationToken)).MountPoints.Values
            .Select(m => m.FromWire()).OrderBy(m => m.AlluxioPath, StringComparer.Ordinal)];

    /// <summary>Loads metadata from the UFS (recursive: the whole subtree; force: reload what is loaded).</summary>
    public async Task<LoadMetadataResult> LoadMetadataAsync(string path, bool recursive = false, bool force = false, CancellationToken cancellationToken = default)
    {
        var response = await Call(Methods.LoadMetadata, new LoadMetadataPRequest { Path = path, Recursive = recursive, Force = force }, cancellationToken, TimeSpan.FromHours(1));
        return new LoadMetadataResult(response.InodesCreated, response.InodesUpdated, response.InodesRemoved);
    }

    /// <summary>Starts active sync (UFS change notifications) on a directory.</summary>
    public Task StartSyncAsync(string path, CancellationToken cancellationToken = default) =>
        Call(Methods.StartSync, new StartSyncPRequest { Path = path }, cancellationToken);

    /// <summary>Stops active sync on a directory.</summary>
    public Task StopSyncAsync(string path, CancellationToken cancellationToken = default) =>
        Call(Methods.StopSync, new StopSyncPRequest { Path = path }, cancellationToken);

    /// <summary>The active sync points and whether each is being watched.</summary>
    public async Task<IReadOnlyList<Grains.FileSystem.SyncPointInfo>> GetSyncPathListAsync(CancellationToken cancellationToken = default) =>
        [.. (await Call(Methods.GetSyncPathList, new GetSyncPathListPRequest(), cancellationToken)).SyncPaths
            .Select(p => new Grains.FileSystem.SyncPointInfo(p.SyncPointUri, p.SyncStatus == "SYNCING"))];

    /// <summary>Sets per-path properties (the metadata sync interval).</summary>
    public Task SetPathConfigurationAsync(string path, IReadOnlyDictionary<string, string> properties, CancellationToken cancellationToken = default)
    {
        var request = new SetPathConfigurationPRequest { Path = path };
        request.Properties.Add(properties.ToDictionary(p => p.Key, p => p.Value));
        return Call(Methods.SetPathConfiguration, request, cancellationToken);
    }

    /// <summary>Removes per-path properties (all of them when no keys are given).</summary>
    public Task RemovePathConfigurationAsync(string path, IReadOnlyList<string>? keys = null, CancellationToken cancellationToken = default)
    {
        var request = new RemovePathConfigurationPRequest { Path = path };
        request.Keys.Add(keys ?? []);
        return Call(Methods.RemovePathConfiguration, request, cancellationToken);
    }

    /// <summary>Every per-path configuration.</summary>
    public async Task<IReadOnlyList<PathConfiguration>> GetPathConfigurationAsync(CancellationToken cancellationToken = default) =>
        [.. (await Call(Methods.GetPathConfiguration, new GetPathConfigurationPRequest(), cancellationToken)).Paths
            .Select(p => new PathConfiguration(p.Path, p.Properties.ToDictionary(kv => kv.Key, kv => kv.Value)))];

    /// <summary>Closes the connection.</summary>
    public void Dispose()
    {
        if (_session is { } session)
        {
            session.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }

        _channel.Dispose();
    }

    /// <summary>One metadata call: over the session (default) or as the unary rpc of the same kind.</summary>
    private async Task<MetadataResponse> Meta(MetadataRequest request, CancellationToken cancellationToken)
    {
        MetadataResponse response;
        if (_options.UseMetadataSession)
        {
            response = await Session().CallAsync(request, _options.CallTimeout, cancellationToken);
            if (response.StatusCode != 0)
            {
                throw ClientErrors.FromRpc(new RpcException(new Status((StatusCode)response.StatusCode, response.StatusMessage)));
            }

            return response;
        }

        return request.RequestCase switch
        {
            MetadataRequest.RequestOneofCase.GetStatus => new MetadataResponse { GetStatus = await Call(Methods.GetStatus, request.GetStatus, cancellationToken) },
            MetadataRequest.RequestOneofCase.Exists => new MetadataResponse { Exists = await Call(Methods.Exists, request.Exists, cancellationToken) },
            MetadataRequest.RequestOneofCase.CreateDirectory => new MetadataResponse { CreateDirectory = await Call(Methods.CreateDirectory, request.CreateDirectory, cancellationToken) },
            MetadataRequest.RequestOneofCase.CreateFile => new MetadataResponse { CreateFile = await Call(Methods.CreateFile, request.CreateFile, cancellationToken) },
            MetadataRequest.RequestOneofCase.CompleteFile => new MetadataResponse { CompleteFile = await Call(Methods.CompleteFile, request.CompleteFile, cancellationToken) },
            MetadataRequest.RequestOneofCase.Remove => new MetadataResponse { Remove = await Call(Methods.Remove, request.Remove, cancellationToken) },
            MetadataRequest.RequestOneofCase.Rename => new MetadataResponse { Rename = await Call(Methods.Rename, request.Rename, cancellationToken) },
            MetadataRequest.RequestOneofCase.SetAttribute => new MetadataResponse { SetAttribute = await Call(Methods.SetAttribute, request.SetAttribute, cancellationToken) },
            MetadataRequest.RequestOneofCase.CheckAccess => new MetadataResponse { CheckAccess = await Call(Methods.CheckAccess, request.CheckAccess, cancellationToken) },
            _ => throw new ArgumentException($"Not a metadata call: {request.RequestCase}.", nameof(request)),
        };
    }

    /// <summary>The live session, opening a new one if there is none or the last one broke.</summary>
    private MetadataSession Session()
    {
        var current = _session;
        if (current is { Broken: false })
        {
            return current;
        }

        lock (_sessionLock)
        {
            if (_session is { Broken: false } live)
            {
                return live;
            }

            var old = _session;
            _session = new MetadataSession(_channel, _headers);
            if (old is not null)
            {
                _ = old.DisposeAsync().AsTask();
            }

            return _session;
        }
    }

    private async Task<TResponse> Call<TRequest, TResponse>(Method<TRequest, TResponse> method, TRequest request, CancellationToken cancellationToken, TimeSpan? timeout = null)
        where TRequest : class, Google.Protobuf.IMessage<TRequest>
        where TResponse : class, Google.Protobuf.IMessage<TResponse>
    {
        try
        {
            return await _channel.UnaryAsync(method, request, CallOptions(cancellationToken, timeout ?? _options.CallTimeout));
        }
        catch (RpcException e)
        {
            throw ClientErrors.FromRpc(e);
        }
    }

    private CallOptions CallOptions(CancellationToken cancellationToken, TimeSpan timeout) =>
        new(_headers, DateTime.UtcNow + timeout, cancellationToken);

    private static FileSystemMasterCommonPOptions Common(SyncOptions? sync, long? ttl, Grains.FileSystem.TtlAction? action)
    {
        var common = WireMapping.ToWire(sync);
        if (ttl is { } t)
        {
            common.Ttl = t;
        }

        if (action is { } a)
        {
            common.TtlAction = (TtlActionP)(int)a;
        }

        return common;
    }

    private static MountPOptions MountWire(MountOptions? options)
    {
        var wire = new MountPOptions { ReadOnly = options?.ReadOnly ?? false, Shared = options?.Shared ?? false };
        if (options?.Properties is { } properties)
        {
            wire.Properties.Add(properties.ToDictionary(p => p.Key, p => p.Value));
        }

        return wire;
    }

    private static FileStatus ReadEntry(ByteString entry)
    {
        try
        {
            return FileInfoReader.Read(entry.Span);
        }
        catch (InvalidDataException e)
        {
            throw new AlluxioException(AlluxioStatus.Internal, $"The master sent a listing entry this client cannot read: {e.Message}", e);
        }
    }
}
