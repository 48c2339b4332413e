using Alluxio.Grains.FileSystem.Mounts;
using Alluxio.Grains.FileSystem.Namespace;
using Alluxio.Grains.Paths;
using Alluxio.Grains.Security;
using Alluxio.Protos.Meta;
using Alluxio.Ufs;

namespace Alluxio.Grains.FileSystem;

public sealed partial class FileSystemMaster
{
    /// <summary>
    /// <c>alluxio fs checkConsistency</c>: the paths at or under <paramref name="path"/> whose metadata disagrees with
    /// their UFS, sorted. A persisted file is consistent when the UFS has a file there with the content it recorded (its
    /// fingerprint, or its length when it recorded none); a persisted directory when the UFS has a directory there; a
    /// path not persisted (yet) when the UFS has nothing there. An inconsistent directory is reported without its
    /// subtree. Reads only: nothing is synced (<c>loadMetadata -F</c> repairs). Needs read and execute permission on
    /// the directories it walks, as a listing does.
    /// </summary>
    public async Task<IReadOnlyList<string>> CheckConsistencyAsync(string path, CallerIdentity caller, CancellationToken cancellationToken = default)
    {
        path = AlluxioPath.Normalize(path);
        caller = Caller(caller);
        var resolved = reader.Resolve(path);
        permissions.CheckTraverse(resolved.Ancestors, caller, path);
        var target = resolved.Target ?? throw NotFound(path);
        var inconsistent = new List<string>();
        var pending = new Stack<(InodeRecord Inode, string Path)>();
        pending.Push((target, path));
        while (pending.TryPop(out var current))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!await ConsistentAsync(current.Inode, current.Path, cancellationToken))
            {
                inconsistent.Add(current.Path);
                continue;
            }

            if (current.Inode.IsDirectory)
            {
                permissions.Check(current.Inode, AccessBits.Read | AccessBits.Execute, caller, current.Path);
                foreach (var page in reader.ChildPages(current.Inode.Id, _options.ListingBatchSize))
                {
                    foreach (var child in page)
                    {
                        pending.Push((child, AlluxioPath.Join(current.Path, child.Name)));
                    }
                }
            }
        }

        inconsistent.Sort(StringComparer.Ordinal);
        return inconsistent;
    }

    private async Task<bool> ConsistentAsync(InodeRecord inode, string path, CancellationToken cancellationToken)
    {
        var mount = reader.MountOf(path);
        var status = await UfsCall(mount, path, () => ufs.Get(mount).GetStatusAsync(MountTable.UfsRelativePath(mount, path), cancellationToken));
        if (inode.PersistenceState != Protos.Meta.PersistenceState.Persisted && !inode.MountPoint)
        {
            return status is null;
        }

        if (status is null || status.IsDirectory != inode.IsDirectory)
        {
            return false;
        }

        return inode.IsDirectory
            || (inode.UfsFingerprint.Length > 0 ? InodeFactory.SameContent(inode.UfsFingerprint, status.Fingerprint) : status.Length == inode.Length);
    }
}
