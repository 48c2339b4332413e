using Alluxio.Grains.Security;
using Alluxio.Runtime;

namespace Alluxio.Grains.FileSystem;

/// <summary>
/// The namespace's entry point: one stateless worker per silo (key 0) that resolves paths, checks permissions and
/// orchestrates directory, file and mount grains and the metadata store. Every method takes the caller's identity;
/// errors are <see cref="Exceptions.AlluxioException"/>s. Mutations are atomic (one journal entry) and durable when
/// the call returns; reads see only durable state.
/// </summary>
public interface IFileSystemGrain : IGrainWithIntegerKey
{
    Task<FileStatus> GetStatus(string path, SyncOptions options, CallerIdentity caller);

    Task<bool> Exists(string path, SyncOptions options, CallerIdentity caller);

    /// <summary>The directory's entries (the file itself for a file); recursive listings stream breadth-first.</summary>
    IAsyncEnumerable<FileStatus> ListStatus(string path, ListStatusOptions options, CallerIdentity caller, CancellationToken cancellationToken);

    Task<FileStatus> CreateDirectory(string path, CreateDirectoryOptions options, CallerIdentity caller);

    Task<FileStatus> CreateFile(string path, CreateFileOptions options, CallerIdentity caller);

    Task<FileStatus> CompleteFile(string path, CompleteFileOptions options, CallerIdentity caller);

    Task Delete(string path, DeleteOptions options, CallerIdentity caller);

    Task Rename(string source, string destination, RenameOptions options, CallerIdentity caller);

    Task SetAttribute(string path, SetAttributeOptions options, CallerIdentity caller);

    Task CheckAccess(string path, AccessBits bits, CallerIdentity caller);

    Task Mount(string alluxioPath, string ufsUri, MountOptions options, CallerIdentity caller);

    Task UpdateMount(string alluxioPath, MountOptions options, CallerIdentity caller);

    Task Unmount(string alluxioPath, CallerIdentity caller);

    Task<IReadOnlyList<MountInfo>> GetMountTable(CallerIdentity caller);

    Task<LoadMetadataResult> LoadMetadata(string path, bool recursive, bool force, CallerIdentity caller);

    /// <summary>The paths at or under <paramref name="path"/> whose metadata disagrees with their UFS (checkConsistency).</summary>
    Task<IReadOnlyList<string>> CheckConsistency(string path, CallerIdentity caller);

    Task StartSync(string path, CallerIdentity caller);

    Task StopSync(string path, CallerIdentity caller);

    Task<IReadOnlyList<SyncPointInfo>> GetSyncPathList(CallerIdentity caller);

    Task SetPathConfiguration(string path, IReadOnlyDictionary<string, string> properties, CallerIdentity caller);

    Task RemovePathConfiguration(string path, IReadOnlyList<string> keys, CallerIdentity caller);

    Task<IReadOnlyList<PathConfiguration>> GetPathConfiguration(CallerIdentity caller);

    /// <summary>Persists a file now (alluxio fs persist): NOT_PERSISTED becomes TO_BE_PERSISTED; a failing one is retried at once.</summary>
    Task<FileStatus> SchedulePersist(string path, CallerIdentity caller);

    /// <summary>The files waiting to be persisted.</summary>
    Task<IReadOnlyList<PendingPersistInfo>> ListPendingPersists(CallerIdentity caller);

    /// <summary>Frees cached blocks (alluxio fs free): refused for unpersisted files, and for pinned ones unless forced.</summary>
    Task<FreeResult> Free(string path, bool recursive, bool forced, CallerIdentity caller);
}
