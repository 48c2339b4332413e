using Alluxio.Grains.Paths;
using Alluxio.Grains.Security;
using Alluxio.Runtime;

namespace Alluxio.Grains.FileSystem.Grains;

/// <summary>
/// The namespace entry point: a stateless worker, so every silo runs several in parallel, and reentrant, because it
/// holds no state and its calls spend most of their time waiting (for the journal, the UFS, locks): without it, a silo
/// would run only as many namespace operations at once as it has activations. Reads and most mutations run here
/// against the master; mount changes go through the mount table grain and completeFile through the file's grain,
/// which serialise them.
/// </summary>
[StatelessWorker]
[Reentrant]
public sealed class FileSystemGrain(FileSystemMaster master) : Grain, IFileSystemGrain
{
    public Task<FileStatus> GetStatus(string path, SyncOptions options, CallerIdentity caller) => master.GetStatusAsync(path, options, caller);

    public Task<bool> Exists(string path, SyncOptions options, CallerIdentity caller) => master.ExistsAsync(path, options, caller);

    public IAsyncEnumerable<FileStatus> ListStatus(string path, ListStatusOptions options, CallerIdentity caller, CancellationToken cancellationToken) =>
        master.ListStatusAsync(path, options, caller, cancellationToken);

    public Task<FileStatus> CreateDirectory(string path, CreateDirectoryOptions options, CallerIdentity caller) => master.CreateDirectoryAsync(path, options, caller);

    public Task<FileStatus> CreateFile(string path, CreateFileOptions options, CallerIdentity caller) => master.CreateFileAsync(path, options, caller);

    public async Task<FileStatus> CompleteFile(string path, CompleteFileOptions options, CallerIdentity caller)
    {
        var resolved = master.Reader.Resolve(AlluxioPath.Normalize(path));
        if (resolved.Target is { IsDirectory: false } file)
        {
            return await GrainFactory.GetGrain<IFileGrain>(file.Id).Complete(path, options, caller);
        }

        return await master.CompleteFileAsync(path, options, caller);
    }

    public Task Delete(string path, DeleteOptions options, CallerIdentity caller) => master.DeleteAsync(path, options, caller);

    public Task Rename(string source, string destination, RenameOptions options, CallerIdentity caller) => master.RenameAsync(source, destination, options, caller);

    public Task SetAttribute(string path, SetAttributeOptions options, CallerIdentity caller) => master.SetAttributeAsync(path, options, caller);

    public Task CheckAccess(string path, AccessBits bits, CallerIdentity caller) => master.CheckAccessAsync(path, bits, caller);

    public Task Mount(string alluxioPath, string ufsUri, MountOptions options, CallerIdentity caller) =>
        GrainFactory.GetGrain<IMountTableGrain>(0).Mount(alluxioPath, ufsUri, options, caller);

    public Task UpdateMount(string alluxioPath, MountOptions options, CallerIdentity caller) =>
        GrainFactory.GetGrain<IMountTableGrain>(0).UpdateMount(alluxioPath, options, caller);

    public Task Unmount(string alluxioPath, CallerIdentity caller) => GrainFactory.GetGrain<IMountTableGrain>(0).Unmount(alluxioPath, caller);

    public Task<IReadOnlyList<MountInfo>> GetMountTable(CallerIdentity caller) => master.GetMountTableAsync(caller);

    public Task<LoadMetadataResult> LoadMetadata(string path, bool recursive, bool force, CallerIdentity caller) => master.LoadMetadataAsync(path, recursive, force, caller);

    public Task<IReadOnlyList<string>> CheckConsistency(string path, CallerIdentity caller) => master.CheckConsistencyAsync(path, caller);

    public Task StartSync(string path, CallerIdentity caller) => master.StartSyncAsync(path, caller);

    public Task StopSync(string path, CallerIdentity caller) => master.StopSyncAsync(path, caller);

    public Task<IReadOnlyList<SyncPointInfo>> GetSyncPathList(CallerIdentity caller) => master.GetSyncPathListAsync(caller);

    public Task SetPathConfiguration(string path, IReadOnlyDictionary<string, string> properties, CallerIdentity caller) =>
        master.SetPathConfigurationAsync(path, properties, caller);

    public Task RemovePathConfiguration(string path, IReadOnlyList<string> keys, CallerIdentity caller) =>
        master.RemovePathConfigurationAsync(path, keys, caller);

    public Task<IReadOnlyList<PathConfiguration>> GetPathConfiguration(CallerIdentity caller) => Task.FromResult(master.GetPathConfiguration());

    public Task<FileStatus> SchedulePersist(string path, CallerIdentity caller) => master.SchedulePersistAsync(path, caller);

    public Task<IReadOnlyList<PendingPersistInfo>> ListPendingPersists(CallerIdentity caller) => Task.FromResult(master.ListPendingPersists());

    public Task<FreeResult> Free(string path, bool recursive, bool forced, CallerIdentity caller) => master.FreeAsync(path, recursive, forced, caller);
}
