using Alluxio.Grains.Exceptions;
using Alluxio.Grains.FileSystem.Mounts;
using Alluxio.Grains.FileSystem.Namespace;
using Alluxio.Grains.FileSystem.Security;
using Alluxio.Grains.FileSystem.Sync;
using Alluxio.Grains.Paths;
using Alluxio.Grains.Security;
using Alluxio.Metastore.Journal;
using Alluxio.Metastore.Locks;
using Alluxio.Protos.Meta;
using Alluxio.Runtime;
using Alluxio.Ufs;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Alluxio.Grains.FileSystem;

/// <summary>
/// The namespace operations of a master, run by the file system grains. Reads resolve paths against the committed
/// state without locks. Mutations follow one pattern:
/// <list type="number">
/// <item>sync the paths involved with the UFS, per the call's sync policy (through directory grains);</item>
/// <item>resolve and check permissions, mount rules and preconditions;</item>
/// <item>take the metadata locks the change needs, all at once (sorted: no deadlock), re-resolve, re-check;</item>
/// <item>change the UFS if the data lives there (if that fails, nothing else happens);</item>
/// <item>commit one journal entry (validated again by the committer) and answer once it is durable.</item>
/// </list>
/// Lock hierarchy: metadata locks are held across the UFS call and the commit; no grain is called while they are
/// held; the state's read lock is a leaf taken inside them.
/// </summary>
public sealed partial class FileSystemMaster(
    Alluxio.Metastore.Metastore metastore,
    NamespaceReader reader,
    MetadataLockManager locks,
    UfsManager ufs,
    MetadataSyncer syncer,
    PermissionChecker permissions,
    StatusBuilder statuses,
    Persistence.PersistQueue persistQueue,
    Block.BlockMaster blockMaster,
    IGrainFactory grains,
    IOptions<FileSystemMasterOptions> options,
    TimeProvider time,
    ILogger<FileSystemMaster> logger)
{
    private const int MaxAttempts = 5;
    private readonly FileSystemMasterOptions _options = options.Value;

    public NamespaceReader Reader => reader;

    private long NowMs => time.GetUtcNow().ToUnixTimeMilliseconds();

    private CallerIdentity Caller(CallerIdentity caller) => permissions.Resolve(caller);

    private IDirectoryGrain Directory(long id) => grains.GetGrain<IDirectoryGrain>(id);

    private string GroupFor(CallerIdentity caller, InodeRecord parent) => caller.Groups.Count > 0 ? caller.Groups[0] : parent.Group;

    private int NewDirectoryMode(int? requested) => requested ?? (0x1FF & ~_options.UmaskBits);

    private int NewFileMode(int? requested) => requested ?? (0x1B6 & ~_options.UmaskBits);

    private WriteType Effective(WriteType type) => type == WriteType.Default ? _options.DefaultWriteType : type;

    private static bool Persists(WriteType type) => type is WriteType.CacheThrough or WriteType.Through or WriteType.AsyncThrough;

    private FileStatus Status(InodeRecord inode, string path) => statuses.Build(inode, path, reader.State.GetMount(inode.MountId) ?? reader.MountOf(path));

    private FileStatus ChildStatus(InodeRecord child, string directory) =>
        statuses.BuildChild(child, directory, reader.State.GetMount(child.MountId) ?? reader.MountOf(AlluxioPath.Join(directory, child.Name)));

    private static FileDoesNotExistException NotFound(string path) => new($"Path \"{path}\" does not exist.");

    private void CheckWritable(MountRecord mount, string path)
    {
        if (mount.ReadOnly)
        {
            throw new FailedPreconditionException($"Path {path} is under the read-only mount {mount.AlluxioPath}: writes are refused.");
        }
    }

    /// <summary>Commits an entry, turning a lost race or a refused entry into the client's error.</summary>
    private async Task CommitAsync(JournalEntry entry)
    {
        try
        {
            await metastore.CommitAsync(entry);
        }
        catch (MetadataConflictException e)
        {
            throw e.Kind switch
            {
                ConflictKind.NotFound => new FileDoesNotExistException(e.Message),
                ConflictKind.AlreadyExists => new FileAlreadyExistsException(e.Message),
                ConflictKind.InvalidArgument => new InvalidPathException(e.Message),
                _ => new FailedPreconditionException(e.Message),
            };
        }
        catch (JournalUnavailableException e)
        {
            throw new UnavailableException($"The journal cannot accept changes: {e.Message}", e);
        }
    }

    /// <summary>Runs a UFS call, turning UFS failures into client errors.</summary>
    internal static async Task<T> UfsCall<T>(MountRecord mount, string path, Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (UfsPermissionException e)
        {
            throw new AccessControlException($"The UFS refused the change of {path} ({mount.UfsUri}): {e.Message}");
        }
        catch (UfsAlreadyExistsException e)
        {
            throw new FileAlreadyExistsException($"{path} exists in the UFS: {e.Message}");
        }
        catch (UfsDirectoryNotEmptyException e)
        {
            throw new DirectoryNotEmptyException($"{path} is not empty in the UFS: {e.Message}");
        }
        catch (UfsPathException e)
        {
            throw new InvalidPathException($"{path} cannot be mapped into the UFS: {e.Message}");
        }
        catch (UfsException e)
        {
            throw new UnavailableException($"The UFS of mount {mount.AlluxioPath} ({mount.UfsUri}) failed for {path}: {e.Message}", e);
        }
    }

    internal static Task UfsCall(MountRecord mount, string path, Func<Task> call) =>
        UfsCall(mount, path, async () =>
        {
            await call();
            return true;
        });

    /// <summary>Resolves again under locks and checks the resolution still matches; false means retry.</summary>
    private static bool SameInodes(ResolvedPath before, ResolvedPath after) =>
        before.Inodes.Count == after.Inodes.Count && before.Inodes.Zip(after.Inodes).All(p => p.First.Id == p.Second.Id);
}
