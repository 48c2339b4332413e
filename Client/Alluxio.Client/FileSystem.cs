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
    private readonly MasterChannels _masters;
    private readonly Retrier _retrier;
    private readonly FileSystemClientOptions _options;
    private readonly Metadata _headers;
    private readonly MetadataCache? _cache;
    private readonly WorkerDataChannels _workers;
    private readonly object _sessionLock = new();
    private readonly System.Collections.Concurrent.ConcurrentDictionary<Task, byte> _closing = new(); // short-circuit leases ending in the background
    private volatile MetadataSession? _session;
    private int _sessionMaster = -1;

    private FileSystem(IReadOnlyList<string> masters, FileSystemClientOptions options)
    {
        _options = options;
        _masters = new MasterChannels(masters, new GrpcChannelOptions { MaxReceiveMessageSize = options.MaxReceiveMessageSize });
        _retrier = new Retrier(_masters, options);
        _headers = new Metadata().Add(WireHeaders.User, options.User);
        _workers = new WorkerDataChannels(options, _masters.Current.Address);
        _cache = options.MetadataCacheEnabled ? new MetadataCache(options.MetadataCacheMaxSize, options.MetadataCacheExpiration, options.TimeProvider) : null;
    }

    /// <summary>The address of the master this client talks to now.</summary>
    public Uri Address => _masters.Current.Address;

    /// <summary>Connects to a master at "host:port" or "http://host:port" (no I/O until the first call).</summary>
    public static FileSystem Connect(string master, FileSystemClientOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(master);
        return new FileSystem([master], options ?? new FileSystemClientOptions());
    }

    /// <summary>Connects to the masters of <see cref="FileSystemClientOptions.Masters"/> (no I/O until the first call).</summary>
    /// <exception cref="ArgumentException">The list of masters is empty or has a blank address.</exception>
    public static FileSystem Connect(FileSystemClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Masters.Count == 0 || options.Masters.Any(string.IsNullOrWhiteSpace))
        {
            throw new ArgumentException("FileSystemClientOptions.Masters must list at least one master address, none blank.", nameof(options));
        }

        return new FileSystem([.. options.Masters], options);
    }

    /// <summary>The status of a file or directory (loads it from the UFS per the sync policy).</summary>
    public async Task<FileStatus> GetStatusAsync(string path, SyncOptions? sync = null, CancellationToken cancellationToken = default)
    {
        if (Cacheable(sync) && _cache?.TryGet(path) is { } cached)
        {
            return cached;
        }

        var generation = _cache?.Generation ?? 0;
        var request = new GetStatusPRequest { Path = path, Options = new GetStatusPOptions { LoadMetadataType = WireMapping.LoadTypeToWire(sync), CommonOptions = WireMapping.ToWire(sync) } };
        var status = (await Meta(new MetadataRequest { GetStatus = request }, cancellationToken, idempotent: true)).GetStatus.FileInfo.FromWire();
        if (Cacheable(sync))
        {
            _cache?.Put(path, status, generation);
        }

        return status;
    }

    /// <summary>Whether the path exists (after loading it from the UFS per the sync policy).</summary>
    public async Task<bool> ExistsAsync(string path, SyncOptions? sync = null, CancellationToken cancellationToken = default)
    {
        if (Cacheable(sync) && _cache?.TryGet(path) is not null)
        {
            return true;
        }

        var request = new ExistsPRequest { Path = path, Options = new GetStatusPOptions { LoadMetadataType = WireMapping.LoadTypeToWire(sync), CommonOptions = WireMapping.ToWire(sync) } };
        return (await Meta(new MetadataRequest { Exists = request }, cancellationToken, idempotent: true)).Exists.Exists;
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
        var started = Environment.TickCount64;
        for (var attempt = 0; ; attempt++)
        {
            // Retried (as an idempotent read) only until the first batch arrived: after that a retry would repeat entries.
            var index = _masters.CurrentIndex;
            using var call = _masters[index].ServerStreaming(Methods.ListStatus, request, CallOptions(cancellationToken, TimeSpan.FromHours(1)));
            var first = true;
            TimeSpan? retryAfter = null;
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
                catch (RpcException e) when (e.StatusCode == StatusCode.Unavailable && _retrier.TryAgain(index, first, attempt, started, out var sleep))
                {
                    retryAfter = sleep;
                    break;
                }
                catch (RpcException e)
                {
                    _retrier.FailoverOn(e, index);
                    throw ClientErrors.FromRpc(e);
                }

                first = false;
                foreach (var entry in batch.FileInfos)
                {
                    yield return ReadEntry(entry);
                }
            }

            await Task.Delay(retryAfter!.Value, cancellationToken);
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

        using var invalidate = Invalidating(path, tree: false);
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

        using var invalidate = Invalidating(path, tree: false);
        return (await Meta(new MetadataRequest { CreateFile = new CreateFilePRequest { Path = path, Options = wire } }, cancellationToken)).CreateFile.FileInfo.FromWire();
    }

    /// <summary>Marks a file complete with its length (and whether its data is persisted).</summary>
    public async Task<FileStatus> CompleteFileAsync(string path, CompleteFileOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new CompleteFileOptions();
        var wire = new CompleteFilePOptions { UfsLength = options.Length, Persisted = options.Persisted, AsyncPersist = options.AsyncPersist };
        using var invalidate = Invalidating(path, tree: false);
        return (await Meta(new MetadataRequest { CompleteFile = new CompleteFilePRequest { Path = path, Options = wire } }, cancellationToken)).CompleteFile.FileInfo.FromWire();
    }

    /// <summary>Deletes a file or directory (Recursive for non-empty directories; AlluxioOnly leaves the UFS alone).</summary>
    public async Task DeleteAsync(string path, DeleteOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new DeleteOptions();
        var wire = new DeletePOptions { Recursive = options.Recursive, AlluxioOnly = options.AlluxioOnly, Unchecked = options.Unchecked, CommonOptions = WireMapping.ToWire(options.Sync) };
        using var invalidate = Invalidating(path, tree: true);
        await Meta(new MetadataRequest { Remove = new DeletePRequest { Path = path, Options = wire } }, cancellationToken);
    }

    /// <summary>Renames (moves) a path; the destination must not exist and must be in the same mount.</summary>
    public async Task RenameAsync(string source, string destination, RenameOptions? options = null, CancellationToken cancellationToken = default)
    {
        using var invalidateSource = Invalidating(source, tree: true);
        using var invalidateDestination = Invalidating(destination, tree: true);
        await Meta(new MetadataRequest { Rename = new RenamePRequest { Path = source, DstPath = destination, Options = new RenamePOptions { CommonOptions = WireMapping.ToWire(options?.Sync) } } }, cancellationToken);
    }

    /// <summary>Changes owner, group, mode, pin, TTL or replication (only the values set).</summary>
    public async Task SetAttributeAsync(string path, SetAttributeOptions options, CancellationToken cancellationToken = default)
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
        using var invalidate = Invalidating(path, tree: options.Recursive);
        await Meta(new MetadataRequest { SetAttribute = new SetAttributePRequest { Path = path, Options = wire } }, cancellationToken, idempotent: true);
    }

    /// <summary>Fails with AccessControlException unless the user has the access bits on the path.</summary>
    public Task CheckAccessAsync(string path, AccessBits bits, CancellationToken cancellationToken = default) =>
        Meta(new MetadataRequest { CheckAccess = new CheckAccessPRequest { Path = path, Options = new CheckAccessPOptions { Bits = (int)bits } } }, cancellationToken, idempotent: true);

    /// <summary>Mounts a UFS at an Alluxio path that does not exist yet.</summary>
    public async Task MountAsync(string alluxioPath, string ufsUri, MountOptions? options = null, CancellationToken cancellationToken = default)
    {
        using var invalidate = Invalidating(alluxioPath, tree: true);
        await Call(Methods.Mount, new MountPRequest { AlluxioPath = alluxioPath, UfsPath = ufsUri, Options = MountWire(options) }, cancellationToken);
    }

    /// <summary>Replaces a mount's options (read-only, shared, properties).</summary>
    public Task UpdateMountAsync(string alluxioPath, MountOptions options, CancellationToken cancellationToken = default) =>
        Call(Methods.UpdateMount, new UpdateMountPRequest { AlluxioPath = alluxioPath, Options = MountWire(options) }, cancellationToken);

    /// <summary>Unmounts; drops the subtree's metadata and cached data, never the UFS data.</summary>
    public async Task UnmountAsync(string alluxioPath, CancellationToken cancellationToken = default)
    {
        using var invalidate = Invalidating(alluxioPath, tree: true);
        await Call(Methods.Unmount, new UnmountPRequest { AlluxioPath = alluxioPath }, cancellationToken);
    }

    /// <summary>Every mount, sorted by Alluxio path.</summary>
    public async Task<IReadOnlyList<MountInfo>> GetMountTableAsync(CancellationToken cancellationToken = default) =>
        [.. (await Call(Methods.GetMountTable, new GetMountTablePRequest(), cancellationToken, idempotent: true)).MountPoints.Values
            .Select(m => m.FromWire()).OrderBy(m => m.AlluxioPath, StringComparer.Ordinal)];

    /// <summary>Loads metadata from the UFS (recursive: the whole subtree; force: reload what is loaded).</summary>
    public async Task<LoadMetadataResult> LoadMetadataAsync(string path, bool recursive = false, bool force = false, CancellationToken cancellationToken = default)
    {
        var response = await Call(Methods.LoadMetadata, new LoadMetadataPRequest { Path = path, Recursive = recursive, Force = force }, cancellationToken, TimeSpan.FromHours(1), idempotent: true);
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
        [.. (await Call(Methods.GetSyncPathList, new GetSyncPathListPRequest(), cancellationToken, idempotent: true)).SyncPaths
            .Select(p => new Grains.FileSystem.SyncPointInfo(p.SyncPointUri, p.SyncStatus == "SYNCING"))];

    /// <summary>Sets per-path properties (the metadata sync interval).</summary>
    public Task SetPathConfigurationAsync(string path, IReadOnlyDictionary<string, string> properties, CancellationToken cancellationToken = default)
    {
        var request = new SetPathConfigurationPRequest { Path = path };
        request.Properties.Add(properties.ToDictionary(p => p.Key, p => p.Value));
        return Call(Methods.SetPathConfiguration, request, cancellationToken, idempotent: true);
    }

    /// <summary>Removes per-path properties (all of them when no keys are given).</summary>
    public Task RemovePathConfigurationAsync(string path, IReadOnlyList<string>? keys = null, CancellationToken cancellationToken = default)
    {
        var request = new RemovePathConfigurationPRequest { Path = path };
        request.Keys.Add(keys ?? []);
        return Call(Methods.RemovePathConfiguration, request, cancellationToken, idempotent: true);
    }

    /// <summary>Every per-path configuration.</summary>
    public async Task<IReadOnlyList<PathConfiguration>> GetPathConfigurationAsync(CancellationToken cancellationToken = default) =>
        [.. (await Call(Methods.GetPathConfiguration, new GetPathConfigurationPRequest(), cancellationToken, idempotent: true)).Paths
            .Select(p => new PathConfiguration(p.Path, p.Properties.ToDictionary(kv => kv.Key, kv => kv.Value)))];

    /// <summary>Closes the connections.</summary>
    public void Dispose()
    {
        // Leases still closing carry their read reports to the worker: give them a moment before the channel goes.
        try
        {
            _ = Task.WhenAll(_closing.Keys).Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
            // A close that failed has ended too: nothing more to wait for.
        }

        if (_session is { } session)
        {
            session.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }

        _masters.Dispose();
        _workers.Dispose();
    }

    /// <summary>Keeps <paramref name="closing"/> (a lease ending in the background) until it ends, so <see cref="Dispose"/> can wait for it.</summary>
    internal void TrackClosing(Task closing)
    {
        if (_closing.TryAdd(closing, 0))
        {
            _ = closing.ContinueWith(t => _closing.TryRemove(t, out _), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }
    }

    /// <summary>One metadata call (retried only if <paramref name="idempotent"/>), over the session or as a unary rpc.</summary>
    private Task<MetadataResponse> Meta(MetadataRequest request, CancellationToken cancellationToken, bool idempotent = false) =>
        _retrier.RunAsync(index => MetaOnce(index, request, cancellationToken), idempotent, cancellationToken);

    /// <summary>One metadata call to master <paramref name="index"/>: over the session (default) or as the unary rpc of the same kind.</summary>
    private async Task<MetadataResponse> MetaOnce(int index, MetadataRequest request, CancellationToken cancellationToken)
    {
        if (_options.UseMetadataSession)
        {
            var response = await Session(index).CallAsync(request, _options.CallTimeout, cancellationToken);
            if (response.StatusCode != 0)
            {
                throw ClientErrors.FromRpc(new RpcException(new Status((StatusCode)response.StatusCode, response.StatusMessage)));
            }

            return response;
        }

        return request.RequestCase switch
        {
            MetadataRequest.RequestOneofCase.GetStatus => new MetadataResponse { GetStatus = await CallOnce(index, Methods.GetStatus, request.GetStatus, cancellationToken) },
            MetadataRequest.RequestOneofCase.Exists => new MetadataResponse { Exists = await CallOnce(index, Methods.Exists, request.Exists, cancellationToken) },
            MetadataRequest.RequestOneofCase.CreateDirectory => new MetadataResponse { CreateDirectory = await CallOnce(index, Methods.CreateDirectory, request.CreateDirectory, cancellationToken) },
            MetadataRequest.RequestOneofCase.CreateFile => new MetadataResponse { CreateFile = await CallOnce(index, Methods.CreateFile, request.CreateFile, cancellationToken) },
            MetadataRequest.RequestOneofCase.CompleteFile => new MetadataResponse { CompleteFile = await CallOnce(index, Methods.CompleteFile, request.CompleteFile, cancellationToken) },
            MetadataRequest.RequestOneofCase.Remove => new MetadataResponse { Remove = await CallOnce(index, Methods.Remove, request.Remove, cancellationToken) },
            MetadataRequest.RequestOneofCase.Rename => new MetadataResponse { Rename = await CallOnce(index, Methods.Rename, request.Rename, cancellationToken) },
            MetadataRequest.RequestOneofCase.SetAttribute => new MetadataResponse { SetAttribute = await CallOnce(index, Methods.SetAttribute, request.SetAttribute, cancellationToken) },
            MetadataRequest.RequestOneofCase.CheckAccess => new MetadataResponse { CheckAccess = await CallOnce(index, Methods.CheckAccess, request.CheckAccess, cancellationToken) },
            _ => throw new ArgumentException($"Not a metadata call: {request.RequestCase}.", nameof(request)),
        };
    }

    /// <summary>The live session to master <paramref name="index"/>, opening a new one if there is none, the last one broke or it went to another master.</summary>
    private MetadataSession Session(int index)
    {
        var current = _session;
        if (current is { Broken: false } && Volatile.Read(ref _sessionMaster) == index)
        {
            return current;
        }

        lock (_sessionLock)
        {
            if (_session is { Broken: false } live && _sessionMaster == index)
            {
                return live;
            }

            var old = _session;
            _session = new MetadataSession(_masters[index], _headers);
            Volatile.Write(ref _sessionMaster, index);
            if (old is not null)
            {
                _ = old.DisposeAsync().AsTask();
            }

            return _session;
        }
    }

    /// <summary>One unary call to the current master (retried only if <paramref name="idempotent"/>).</summary>
    private Task<TResponse> Call<TRequest, TResponse>(Method<TRequest, TResponse> method, TRequest request, CancellationToken cancellationToken, TimeSpan? timeout = null, bool idempotent = false)
        where TRequest : class, Google.Protobuf.IMessage<TRequest>
        where TResponse : class, Google.Protobuf.IMessage<TResponse> =>
        _retrier.RunAsync(index => CallOnce(index, method, request, cancellationToken, timeout), idempotent, cancellationToken);

    private async Task<TResponse> CallOnce<TRequest, TResponse>(int index, Method<TRequest, TResponse> method, TRequest request, CancellationToken cancellationToken, TimeSpan? timeout = null)
        where TRequest : class, Google.Protobuf.IMessage<TRequest>
        where TResponse : class, Google.Protobuf.IMessage<TResponse>
    {
        try
        {
            return await _masters[index].UnaryAsync(method, request, CallOptions(cancellationToken, timeout ?? _options.CallTimeout));
        }
        catch (RpcException e)
        {
            throw ClientErrors.FromRpc(e);
        }
    }

    /// <summary>Whether a read with this sync policy may use the metadata cache (only the default policy: a sync asks the master).</summary>
    private static bool Cacheable(SyncOptions? sync) => sync is null || sync == SyncOptions.Default;

    /// <summary>Drops what the metadata cache holds for a path (and its subtree) before and after this client changes it.</summary>
    private MetadataCache.Invalidation Invalidating(string path, bool tree) => new(_cache, path, tree);

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
