using Alluxio.Grains.FileSystem;
using Alluxio.Grains.Metrics;
using Alluxio.Grains.Security;
using Alluxio.Grains.Wire;
using Alluxio.Grpc;
using Alluxio.Grpc.Server;
using Alluxio.Protos.Grpc.File;
using System.Threading.Channels;
using Alluxio.Runtime;

namespace Alluxio.Silo.Grpc;

/// <summary>
/// alluxio.grpc.file.FileSystemMasterClientService: translates each rpc into a call of the silo's file system grain
/// and its result (or error) back to the wire.
/// </summary>
internal sealed class FileSystemMasterService(IGrainFactory grains, IHostApplicationLifetime lifetime, MetricsRegistry metrics)
{
    /// <summary>Most entries in one ListStatus response message.</summary>
    internal const int ListingMessageEntries = 128;

    /// <summary>Most bytes of entries in one ListStatus response message (well below the large-object heap's 85 KB).</summary>
    internal const int ListingMessageBytes = 48 * 1024;

    private IFileSystemGrain Grain => grains.GetGrain<IFileSystemGrain>(0);

    public Task<GetStatusPResponse> GetStatus(GetStatusPRequest request, ServerCallContext context) => GrpcErrors.Map(() => GetStatusCore(request, CallerIdentities.From(context)));

    private async Task<GetStatusPResponse> GetStatusCore(GetStatusPRequest request, CallerIdentity caller) => new()
    {
        FileInfo = (await metrics.CountAsync(MasterOperation.GetFileInfo, () => Grain.GetStatus(request.Path, Sync(request.Options?.LoadMetadataType, request.Options?.CommonOptions), caller))).ToWire(),
    };

    public Task<ExistsPResponse> Exists(ExistsPRequest request, ServerCallContext context) => GrpcErrors.Map(() => ExistsCore(request, CallerIdentities.From(context)));

    private async Task<ExistsPResponse> ExistsCore(ExistsPRequest request, CallerIdentity caller) =>
        new() { Exists = await Grain.Exists(request.Path, Sync(request.Options?.LoadMetadataType, request.Options?.CommonOptions), caller) };

    /// <summary>
    /// Streams the listing in messages of up to <see cref="ListingMessageEntries"/> entries or
    /// <see cref="ListingMessageBytes"/> bytes, each entry the status's kept serialized form
    /// (<see cref="ListStatusPResponseView"/> is ListStatusPResponse on the wire).
    /// </summary>
    public async Task ListStatus(ListStatusPRequest request, IServerStreamWriter<ListStatusPResponseView> responseStream, ServerCallContext context)
    {
        var options = request.Options ?? new ListStatusPOptions();
        var listOptions = new ListStatusOptions(options.Recursive, Sync(options.LoadMetadataType, options.CommonOptions), options.LoadMetadataOnly);
        var batch = new ListStatusPResponseView();
        var bytes = 0;
        metrics.Add(MasterOperation.GetFileInfo.Ops);
        try
        {
            await foreach (var status in Grain.ListStatus(request.Path, listOptions, CallerIdentities.From(context), context.CancellationToken))
            {
                metrics.Add(MasterOperation.GetFileInfo.Succeeded!);
                var entry = status.ToWireBytes();
                batch.FileInfos.Add(entry);
                bytes += entry.Length;
                if (batch.FileInfos.Count >= ListingMessageEntries || bytes >= ListingMessageBytes)
                {
                    await responseStream.WriteAsync(batch);
                    batch = new ListStatusPResponseView();
                    bytes = 0;
                }
            }
        }
        catch (Exception e) when (e is not Alluxio.Grpc.RpcException)
        {
            throw GrpcErrors.ToRpc(e);
        }

        if (batch.FileInfos.Count > 0)
        {
            await responseStream.WriteAsync(batch);
        }
    }

    public Task<CreateDirectoryPResponse> CreateDirectory(CreateDirectoryPRequest request, ServerCallContext context) => GrpcErrors.Map(() => CreateDirectoryCore(request, CallerIdentities.From(context)));

    private async Task<CreateDirectoryPResponse> CreateDirectoryCore(CreateDirectoryPRequest request, CallerIdentity caller)
    {
        var o = request.Options ?? new CreateDirectoryPOptions();
        var options = new CreateDirectoryOptions(o.Recursive, o.AllowExists, o.HasMode ? o.Mode : null, WireMapping.FromWire(o.WriteType),
            Sync(null, o.CommonOptions), o.CommonOptions is { HasTtl: true } ? o.CommonOptions.Ttl : null,
            o.CommonOptions is { HasTtlAction: true } ? (TtlAction)(int)o.CommonOptions.TtlAction : null);
        return new CreateDirectoryPResponse { FileInfo = (await metrics.CountAsync(MasterOperation.CreateDirectory, () => Grain.CreateDirectory(request.Path, options, caller))).ToWire() };
    }

    public Task<CreateFilePResponse> CreateFile(CreateFilePRequest request, ServerCallContext context) => GrpcErrors.Map(() => CreateFileCore(request, CallerIdentities.From(context)));

    private async Task<CreateFilePResponse> CreateFileCore(CreateFilePRequest request, CallerIdentity caller)
    {
        var o = request.Options ?? new CreateFilePOptions();
        var options = new CreateFileOptions(o.BlockSizeBytes, o.Recursive, o.HasMode ? o.Mode : null, o.ReplicationMin,
            o.ReplicationMax == 0 && o.ReplicationMin == 0 ? -1 : o.ReplicationMax, WireMapping.FromWire(o.WriteType), Sync(null, o.CommonOptions),
            o.CommonOptions is { HasTtl: true } ? o.CommonOptions.Ttl : null,
            o.CommonOptions is { HasTtlAction: true } ? (TtlAction)(int)o.CommonOptions.TtlAction : null,
            o.Overwrite);
        return new CreateFilePResponse { FileInfo = (await metrics.CountAsync(MasterOperation.CreateFile, () => Grain.CreateFile(request.Path, options, caller))).ToWire() };
    }

    public Task<CompleteFilePResponse> CompleteFile(CompleteFilePRequest request, ServerCallContext context) => GrpcErrors.Map(() => CompleteFileCore(request, CallerIdentities.From(context)));

    private async Task<CompleteFilePResponse> CompleteFileCore(CompleteFilePRequest request, CallerIdentity caller)
    {
        var o = request.Options ?? new CompleteFilePOptions();
        var status = await metrics.CountAsync(MasterOperation.CompleteFile, () => Grain.CompleteFile(request.Path, new CompleteFileOptions(o.UfsLength, o.Persisted, AsyncPersist: o.AsyncPersist), caller));
        return new CompleteFilePResponse { FileInfo = status.ToWire() };
    }

    public Task<DeletePResponse> Remove(DeletePRequest request, ServerCallContext context) => GrpcErrors.Map(() => RemoveCore(request, CallerIdentities.From(context)));

    private async Task<DeletePResponse> RemoveCore(DeletePRequest request, CallerIdentity caller)
    {
        var o = request.Options ?? new DeletePOptions();
        await metrics.CountAsync(MasterOperation.DeletePath, () => Grain.Delete(request.Path, new DeleteOptions(o.Recursive, o.AlluxioOnly, o.Unchecked, Sync(null, o.CommonOptions)), caller));
        return new DeletePResponse();
    }

    public Task<RenamePResponse> Rename(RenamePRequest request, ServerCallContext context) => GrpcErrors.Map(() => RenameCore(request, CallerIdentities.From(context)));

    private async Task<RenamePResponse> RenameCore(RenamePRequest request, CallerIdentity caller)
    {
        await metrics.CountAsync(MasterOperation.RenamePath, () => Grain.Rename(request.Path, request.DstPath, new RenameOptions(Sync(null, request.Options?.CommonOptions)), caller));
        return new RenamePResponse();
    }

    public Task<SetAttributePResponse> SetAttribute(SetAttributePRequest request, ServerCallContext context) => GrpcErrors.Map(() => SetAttributeCore(request, CallerIdentities.From(context)));

    private async Task<SetAttributePResponse> SetAttributeCore(SetAttributePRequest request, CallerIdentity caller)
    {
        var o = request.Options ?? new SetAttributePOptions();
        var options = new SetAttributeOptions(
            o.Recursive,
            o.HasOwner ? o.Owner : null,
            o.HasGroup ? o.Group : null,
            o.HasMode ? o.Mode : null,
            o.HasPinned ? o.Pinned : null,
            o.SetTtl ? (o.CommonOptions?.HasTtl == true ? o.CommonOptions.Ttl : -1) : null,
            o.SetTtl && o.CommonOptions?.HasTtlAction == true ? (TtlAction)(int)o.CommonOptions.TtlAction : null,
            o.HasReplicationMin ? o.ReplicationMin : null,
            o.HasReplicationMax ? o.ReplicationMax : null,
            Sync(null, o.CommonOptions));
        await metrics.CountAsync(MasterOperation.SetAttribute, () => Grain.SetAttribute(request.Path, options, caller));
        return new SetAttributePResponse();
    }

    public Task<CheckAccessPResponse> CheckAccess(CheckAccessPRequest request, ServerCallContext context) => GrpcErrors.Map(() => CheckAccessCore(request, CallerIdentities.From(context)));

    private async Task<CheckAccessPResponse> CheckAccessCore(CheckAccessPRequest request, CallerIdentity caller)
    {
        await Grain.CheckAccess(request.Path, (AccessBits)(request.Options?.Bits ?? 0), caller);
        return new CheckAccessPResponse();
    }

    public Task<MountPResponse> Mount(MountPRequest request, ServerCallContext context) => GrpcErrors.Map(async () =>
    {
        await metrics.CountAsync(MasterOperation.Mount, () => Grain.Mount(request.AlluxioPath, request.UfsPath, MountOptionsFrom(request.Options), CallerIdentities.From(context)));
        return new MountPResponse();
    });

    public Task<UpdateMountPResponse> UpdateMount(UpdateMountPRequest request, ServerCallContext context) => GrpcErrors.Map(async () =>
    {
        await Grain.UpdateMount(request.AlluxioPath, MountOptionsFrom(request.Options), CallerIdentities.From(context));
        return new UpdateMountPResponse();
    });

    public Task<UnmountPResponse> Unmount(UnmountPRequest request, ServerCallContext context) => GrpcErrors.Map(async () =>
    {
        await metrics.CountAsync(MasterOperation.Unmount, () => Grain.Unmount(request.AlluxioPath, CallerIdentities.From(context)));
        return new UnmountPResponse();
    });

    public Task<GetMountTablePResponse> GetMountTable(GetMountTablePRequest request, ServerCallContext context) => GrpcErrors.Map(async () =>
    {
        var response = new GetMountTablePResponse();
        foreach (var mount in await Grain.GetMountTable(CallerIdentities.From(context)))
        {
            response.MountPoints[mount.AlluxioPath] = mount.ToWire();
        }

        return response;
    });

    public Task<LoadMetadataPResponse> LoadMetadata(LoadMetadataPRequest request, ServerCallContext context) => GrpcErrors.Map(async () =>
    {
        var result = await Grain.LoadMetadata(request.Path, request.Recursive, request.Force, CallerIdentities.From(context));
        return new LoadMetadataPResponse { InodesCreated = result.Created, InodesUpdated = result.Updated, InodesRemoved = result.Removed };
    });

    public Task<StartSyncPResponse> StartSync(StartSyncPRequest request, ServerCallContext context) => GrpcErrors.Map(async () =>
    {
        await Grain.StartSync(request.Path, CallerIdentities.From(context));
        return new StartSyncPResponse();
    });

    public Task<StopSyncPResponse> StopSync(StopSyncPRequest request, ServerCallContext context) => GrpcErrors.Map(async () =>
    {
        await Grain.StopSync(request.Path, CallerIdentities.From(context));
        return new StopSyncPResponse();
    });

    public Task<GetSyncPathListPResponse> GetSyncPathList(GetSyncPathListPRequest request, ServerCallContext context) => GrpcErrors.Map(async () =>
    {
        var response = new GetSyncPathListPResponse();
        foreach (var point in await Grain.GetSyncPathList(CallerIdentities.From(context)))
        {
            response.SyncPaths.Add(new Protos.Grpc.File.SyncPointInfo { SyncPointUri = point.Path, SyncStatus = point.Syncing ? "SYNCING" : "NOT_SYNCING" });
        }

        return response;
    });

    public Task<SetPathConfigurationPResponse> SetPathConfiguration(SetPathConfigurationPRequest request, ServerCallContext context) => GrpcErrors.Map(async () =>
    {
        await Grain.SetPathConfiguration(request.Path, request.Properties.ToDictionary(p => p.Key, p => p.Value), CallerIdentities.From(context));
        return new SetPathConfigurationPResponse();
    });

    public Task<RemovePathConfigurationPResponse> RemovePathConfiguration(RemovePathConfigurationPRequest request, ServerCallContext context) => GrpcErrors.Map(async () =>
    {
        await Grain.RemovePathConfiguration(request.Path, [.. request.Keys], CallerIdentities.From(context));
        return new RemovePathConfigurationPResponse();
    });

    public Task<GetPathConfigurationPResponse> GetPathConfiguration(GetPathConfigurationPRequest request, ServerCallContext context) => GrpcErrors.Map(async () =>
    {
        var response = new GetPathConfigurationPResponse();
        foreach (var config in await Grain.GetPathConfiguration(CallerIdentities.From(context)))
        {
            var wire = new PathConfigurationP { Path = config.Path };
            wire.Properties.Add(config.Properties.ToDictionary(p => p.Key, p => p.Value));
            response.Paths.Add(wire);
        }

        return response;
    });

    /// <summary>
    /// The metadata session: requests are dispatched as they arrive and run concurrently (at most
    /// <see cref="MaxInFlightPerSession"/> per session, then reading waits); responses are sent in batches of whatever
    /// has completed. The session ends when the client completes its request stream and every call has answered, or
    /// when the silo stops: it then stops reading, answers the calls in progress and closes the stream, so a shutdown
    /// never waits for idle clients.
    /// </summary>
    public async Task MetadataSession(IAsyncStreamReader<MetadataRequestBatch> requestStream, IServerStreamWriter<MetadataResponseBatch> responseStream, ServerCallContext context)
    {
        var caller = CallerIdentities.From(context);
        var outbox = Channel.CreateUnbounded<MetadataResponse>(new UnboundedChannelOptions { SingleReader = true });
        using var slots = new SemaphoreSlim(MaxInFlightPerSession);
        var writer = Task.Run(() => WriteResponsesAsync(outbox.Reader, responseStream, context.CancellationToken));
        // One count for the reading loop itself, so "all done" cannot be signalled while requests may still arrive.
        var running = 1;
        var drained = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var reading = CancellationTokenSource.CreateLinkedTokenSource(context.CancellationToken, lifetime.ApplicationStopping);
        try
        {
            while (await ReadNextAsync(requestStream, reading.Token))
            {
                foreach (var request in requestStream.Current.Requests)
                {
                    await slots.WaitAsync(context.CancellationToken);
                    Interlocked.Increment(ref running);
                    _ = RunAsync(request);
                }
            }

            if (Interlocked.Decrement(ref running) > 0)
            {
                await drained.Task.WaitAsync(context.CancellationToken);
            }
        }
        finally
        {
            outbox.Writer.TryComplete();
            await writer;
        }

        async Task RunAsync(MetadataRequest request)
        {
            MetadataResponse response;
            try
            {
                response = await DispatchAsync(request, caller);
            }
            catch (Exception e)
            {
                var rpc = GrpcErrors.ToRpc(e);
                response = new MetadataResponse { StatusCode = (int)rpc.StatusCode, StatusMessage = rpc.Status.Detail };
            }

            response.Id = request.Id;
            outbox.Writer.TryWrite(response);
            slots.Release();
            if (Interlocked.Decrement(ref running) == 0)
            {
                drained.TrySetResult();
            }
        }
    }

    private static async Task<bool> ReadNextAsync(IAsyncStreamReader<MetadataRequestBatch> stream, CancellationToken cancellationToken)
    {
        try
        {
            return await stream.MoveNext(cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The silo is stopping (or the client went away): answer what is in progress, then close.
            return false;
        }
    }

    /// <summary>Calls in progress per metadata session before the server stops reading more.</summary>
    public const int MaxInFlightPerSession = 4096;

    private async Task<MetadataResponse> DispatchAsync(MetadataRequest request, CallerIdentity caller) => request.RequestCase switch
    {
        MetadataRequest.RequestOneofCase.GetStatus => new MetadataResponse { GetStatus = await GetStatusCore(request.GetStatus, caller) },
        MetadataRequest.RequestOneofCase.Exists => new MetadataResponse { Exists = await ExistsCore(request.Exists, caller) },
        MetadataRequest.RequestOneofCase.CreateDirectory => new MetadataResponse { CreateDirectory = await CreateDirectoryCore(request.CreateDirectory, caller) },
        MetadataRequest.RequestOneofCase.CreateFile => new MetadataResponse { CreateFile = await CreateFileCore(request.CreateFile, caller) },
        MetadataRequest.RequestOneofCase.CompleteFile => new MetadataResponse { CompleteFile = await CompleteFileCore(request.CompleteFile, caller) },
        MetadataRequest.RequestOneofCase.Remove => new MetadataResponse { Remove = await RemoveCore(request.Remove, caller) },
        MetadataRequest.RequestOneofCase.Rename => new MetadataResponse { Rename = await RenameCore(request.Rename, caller) },
        MetadataRequest.RequestOneofCase.SetAttribute => new MetadataResponse { SetAttribute = await SetAttributeCore(request.SetAttribute, caller) },
        MetadataRequest.RequestOneofCase.CheckAccess => new MetadataResponse { CheckAccess = await CheckAccessCore(request.CheckAccess, caller) },
        _ => new MetadataResponse { StatusCode = (int)Alluxio.Grpc.StatusCode.Unimplemented, StatusMessage = $"Unknown metadata request {request.RequestCase}." },
    };

    private static async Task WriteResponsesAsync(ChannelReader<MetadataResponse> reader, IServerStreamWriter<MetadataResponseBatch> stream, CancellationToken cancellationToken)
    {
        while (await reader.WaitToReadAsync(cancellationToken))
        {
            // Let calls finishing right now join the batch (see the client's MetadataSession).
            await Task.Yield();
            var batch = new MetadataResponseBatch();
            while (batch.Responses.Count < 1024 && reader.TryRead(out var response))
            {
                batch.Responses.Add(response);
            }

            await stream.WriteAsync(batch);
        }
    }

    private static SyncOptions Sync(LoadMetadataPType? type, FileSystemMasterCommonPOptions? common) =>
        WireMapping.ToSyncOptions(type ?? LoadMetadataPType.Once, common);

    private static MountOptions MountOptionsFrom(MountPOptions? options) =>
        new(options?.ReadOnly ?? false, options?.Shared ?? false, options?.Properties.ToDictionary(p => p.Key, p => p.Value) ?? []);

    public Task<ScheduleAsyncPersistencePResponse> ScheduleAsyncPersistence(ScheduleAsyncPersistencePRequest request, ServerCallContext context) =>
        GrpcErrors.Map(async () => new ScheduleAsyncPersistencePResponse { FileInfo = (await Grain.SchedulePersist(request.Path, CallerIdentities.From(context))).ToWire() });

    public Task<ListPendingPersistsPResponse> ListPendingPersists(ListPendingPersistsPRequest request, ServerCallContext context) =>
        GrpcErrors.Map(async () =>
        {
            var response = new ListPendingPersistsPResponse();
            foreach (var pending in await Grain.ListPendingPersists(CallerIdentities.From(context)))
            {
                response.Files.Add(new PendingPersistP
                {
                    Path = pending.Path,
                    FileId = pending.FileId,
                    Attempts = pending.Attempts,
                    NextAttemptMs = pending.NextAttempt.ToUnixTimeMilliseconds(),
                    LastError = pending.LastError ?? "",
                });
            }

            return response;
        });

    public Task<FreePResponse> Free(FreePRequest request, ServerCallContext context) =>
        GrpcErrors.Map(async () =>
        {
            var result = await metrics.CountAsync(MasterOperation.FreeFile, () => Grain.Free(request.Path, request.Options?.Recursive ?? false, request.Options?.Forced ?? false, CallerIdentities.From(context)));
            return new FreePResponse { Files = result.Files, Blocks = result.Blocks };
        });

    public Task<CheckConsistencyPResponse> CheckConsistency(CheckConsistencyPRequest request, ServerCallContext context) =>
        GrpcErrors.Map(async () =>
        {
            var response = new CheckConsistencyPResponse();
            response.InconsistentPaths.Add(await Grain.CheckConsistency(request.Path, CallerIdentities.From(context)));
            return response;
        });
}
