using Alluxio.Grpc;
using Alluxio.Protos.Grpc.Block;
using Alluxio.Protos.Grpc.File;
using Alluxio.Protos.Grpc.Meta;

namespace Alluxio.Client.Internal;

/// <summary>The rpcs the client calls, built once from the protobuf service descriptors.</summary>
internal static class Methods
{
    private static readonly Google.Protobuf.Reflection.ServiceDescriptor Fs = FileSystemMasterReflection.Descriptor.Services[0];
    private static readonly Google.Protobuf.Reflection.ServiceDescriptor Meta = MetaMasterReflection.Descriptor.Services[0];
    private static readonly Google.Protobuf.Reflection.ServiceDescriptor Worker = BlockWorkerReflection.Descriptor.Services[0];
    private static readonly Google.Protobuf.Reflection.ServiceDescriptor Blocks = BlockMasterReflection.Descriptor.Services[0];

    public static readonly Method<GetStatusPRequest, GetStatusPResponse> GetStatus = Method<GetStatusPRequest, GetStatusPResponse>.From(Fs, "GetStatus");
    public static readonly Method<ExistsPRequest, ExistsPResponse> Exists = Method<ExistsPRequest, ExistsPResponse>.From(Fs, "Exists");
    /// <summary>ListStatus, its responses read as <see cref="ListStatusPResponseView"/> (entries kept serialized, then read by <see cref="Alluxio.Grains.Wire.FileInfoReader"/>).</summary>
    public static readonly Method<ListStatusPRequest, ListStatusPResponseView> ListStatus = Method<ListStatusPRequest, ListStatusPResponseView>.From(Fs, "ListStatus");
    public static readonly Method<CreateDirectoryPRequest, CreateDirectoryPResponse> CreateDirectory = Method<CreateDirectoryPRequest, CreateDirectoryPResponse>.From(Fs, "CreateDirectory");
    public static readonly Method<CreateFilePRequest, CreateFilePResponse> CreateFile = Method<CreateFilePRequest, CreateFilePResponse>.From(Fs, "CreateFile");
    public static readonly Method<CompleteFilePRequest, CompleteFilePResponse> CompleteFile = Method<CompleteFilePRequest, CompleteFilePResponse>.From(Fs, "CompleteFile");
    public static readonly Method<DeletePRequest, DeletePResponse> Remove = Method<DeletePRequest, DeletePResponse>.From(Fs, "Remove");
    public static readonly Method<RenamePRequest, RenamePResponse> Rename = Method<RenamePRequest, RenamePResponse>.From(Fs, "Rename");
    public static readonly Method<SetAttributePRequest, SetAttributePResponse> SetAttribute = Method<SetAttributePRequest, SetAttributePResponse>.From(Fs, "SetAttribute");
    public static readonly Method<CheckAccessPRequest, CheckAccessPResponse> CheckAccess = Method<CheckAccessPRequest, CheckAccessPResponse>.From(Fs, "CheckAccess");
    public static readonly Method<MountPRequest, MountPResponse> Mount = Method<MountPRequest, MountPResponse>.From(Fs, "Mount");
    public static readonly Method<UpdateMountPRequest, UpdateMountPResponse> UpdateMount = Method<UpdateMountPRequest, UpdateMountPResponse>.From(Fs, "UpdateMount");
    public static readonly Method<UnmountPRequest, UnmountPResponse> Unmount = Method<UnmountPRequest, UnmountPResponse>.From(Fs, "Unmount");
    public static readonly Method<GetMountTablePRequest, GetMountTablePResponse> GetMountTable = Method<GetMountTablePRequest, GetMountTablePResponse>.From(Fs, "GetMountTable");
    public static readonly Method<LoadMetadataPRequest, LoadMetadataPResponse> LoadMetadata = Method<LoadMetadataPRequest, LoadMetadataPResponse>.From(Fs, "LoadMetadata");
    public static readonly Method<StartSyncPRequest, StartSyncPResponse> StartSync = Method<StartSyncPRequest, StartSyncPResponse>.From(Fs, "StartSync");
    public static readonly Method<StopSyncPRequest, StopSyncPResponse> StopSync = Method<StopSyncPRequest, StopSyncPResponse>.From(Fs, "StopSync");
    public static readonly Method<GetSyncPathListPRequest, GetSyncPathListPResponse> GetSyncPathList = Method<GetSyncPathListPRequest, GetSyncPathListPResponse>.From(Fs, "GetSyncPathList");
    public static readonly Method<SetPathConfigurationPRequest, SetPathConfigurationPResponse> SetPathConfiguration = Method<SetPathConfigurationPRequest, SetPathConfigurationPResponse>.From(Fs, "SetPathConfiguration");
    public static readonly Method<RemovePathConfigurationPRequest, RemovePathConfigurationPResponse> RemovePathConfiguration = Method<RemovePathConfigurationPRequest, RemovePathConfigurationPResponse>.From(Fs, "RemovePathConfiguration");
    public static readonly Method<GetPathConfigurationPRequest, GetPathConfigurationPResponse> GetPathConfiguration = Method<GetPathConfigurationPRequest, GetPathConfigurationPResponse>.From(Fs, "GetPathConfiguration");

    public static readonly Method<ScheduleAsyncPersistencePRequest, ScheduleAsyncPersistencePResponse> ScheduleAsyncPersistence = Method<ScheduleAsyncPersistencePRequest, ScheduleAsyncPersistencePResponse>.From(Fs, "ScheduleAsyncPersistence");
    public static readonly Method<ListPendingPersistsPRequest, ListPendingPersistsPResponse> ListPendingPersists = Method<ListPendingPersistsPRequest, ListPendingPersistsPResponse>.From(Fs, "ListPendingPersists");

    public static readonly Method<CheckpointPRequest, CheckpointPResponse> Checkpoint = Method<CheckpointPRequest, CheckpointPResponse>.From(Meta, "Checkpoint");
    public static readonly Method<BackupPRequest, BackupPResponse> Backup = Method<BackupPRequest, BackupPResponse>.From(Meta, "Backup");
    public static readonly Method<GetMasterInfoPRequest, GetMasterInfoPResponse> GetMasterInfo = Method<GetMasterInfoPRequest, GetMasterInfoPResponse>.From(Meta, "GetMasterInfo");
    public static readonly Method<GetJournalInfoPRequest, GetJournalInfoPResponse> GetJournalInfo = Method<GetJournalInfoPRequest, GetJournalInfoPResponse>.From(Meta, "GetJournalInfo");

    public static readonly Method<ReadRequest, ReadResponse> ReadBlock = Method<ReadRequest, ReadResponse>.From(Worker, "ReadBlock");
    public static readonly Method<WriteRequest, WriteResponse> WriteBlock = Method<WriteRequest, WriteResponse>.From(Worker, "WriteBlock");
    public static readonly Method<WriteUfsFileRequest, WriteUfsFileResponse> WriteUfsFile = Method<WriteUfsFileRequest, WriteUfsFileResponse>.From(Worker, "WriteUfsFile");
    public static readonly Method<CacheRequest, CacheResponse> Cache = Method<CacheRequest, CacheResponse>.From(Worker, "Cache");
    public static readonly Method<FreePRequest, FreePResponse> Free = Method<FreePRequest, FreePResponse>.From(Fs, "Free");
    public static readonly Method<GetWorkerInfoListPRequest, GetWorkerInfoListPResponse> GetWorkerInfoList = Method<GetWorkerInfoListPRequest, GetWorkerInfoListPResponse>.From(Blocks, "GetWorkerInfoList");
    public static readonly Method<GetBlockLocationsPRequest, GetBlockLocationsPResponse> GetBlockLocations = Method<GetBlockLocationsPRequest, GetBlockLocationsPResponse>.From(Blocks, "GetBlockLocations");
    public static readonly Method<OpenLocalBlockRequest, OpenLocalBlockResponse> OpenLocalBlock = Method<OpenLocalBlockRequest, OpenLocalBlockResponse>.From(Worker, "OpenLocalBlock");
    public static readonly Method<LocalWriteRequest, LocalWriteResponse> CreateLocalBlock = Method<LocalWriteRequest, LocalWriteResponse>.From(Worker, "CreateLocalBlock");
}
