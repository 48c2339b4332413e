using Alluxio.Grains.Blocks;
using Alluxio.Grains.Exceptions;
using Alluxio.Grains.Paths;
using Alluxio.Grains.Security;
using Alluxio.Protos.Meta;

namespace Alluxio.Grains.FileSystem;

public sealed partial class FileSystemMaster
{
    /// <summary>
    /// Frees a file or (recursively) a directory from the cache, as Alluxio's free: the workers drop the blocks at
    /// their next heartbeat; the metadata and the UFS data stay. Refused — changing nothing — when a file is not
    /// persisted (its cached copy is the only one) or is pinned without <paramref name="forced"/>; forced unpins.
    /// </summary>
    public async Task<FreeResult> FreeAsync(string path, bool recursive, bool forced, CallerIdentity caller)
    {
        path = AlluxioPath.Normalize(path);
        caller = Caller(caller);
        var resolved = reader.Resolve(path);
        permissions.CheckTraverse(resolved.Ancestors, caller, path);
        var target = resolved.Target ?? throw NotFound(path);
        if (target.IsDirectory && !recursive && reader.State.HasChildren(target.Id))
        {
            throw new FailedPreconditionException($"{path} is a non-empty directory; free it recursively (-R).");
        }

        permissions.Check(target, AccessBits.Read, caller, path);
        var files = FilesUnder(target, path, recursive: true).ToList();
        foreach (var (file, filePath) in files)
        {
            if (file.Completed && file.Length > 0 && file.PersistenceState != Protos.Meta.PersistenceState.Persisted)
            {
                throw new FailedPreconditionException($"Cannot free {filePath}: it is not persisted ({file.PersistenceState}), so the cache holds its only copy.");
            }

            if (file.Pinned && !forced)
            {
                throw new FailedPreconditionException($"Cannot free {filePath}: it is pinned (free -f unpins and frees it).");
            }
        }

        if (forced && files.Any(f => f.Inode.Pinned))
        {
            await SetAttributeAsync(path, new SetAttributeOptions(Pinned: false, Recursive: target.IsDirectory), caller);
        }

        var blocks = files.SelectMany(f => BlockId.ForFile(f.Inode.Id, f.Inode.Length, f.Inode.BlockSizeBytes)).ToList();
        return new FreeResult(files.Count, blockMaster.QueueRemoval(blocks));
    }

    /// <summary>The files at or under <paramref name="target"/> (the target itself when it is a file), with their paths, streamed.</summary>
    private IEnumerable<(InodeRecord Inode, string Path)> FilesUnder(InodeRecord target, string path, bool recursive)
    {
        if (!target.IsDirectory)
        {
            yield return (target, path);
            yield break;
        }

        var pending = new Queue<(long Id, string Path)>();
        pending.Enqueue((target.Id, path));
        while (pending.TryDequeue(out var dir))
        {
            foreach (var page in reader.ChildPages(dir.Id, _options.ListingBatchSize))
            {
                foreach (var child in page)
                {
                    var childPath = AlluxioPath.Join(dir.Path, child.Name);
                    if (!child.IsDirectory)
                    {
                        yield return (child, childPath);
                    }
                    else if (recursive)
                    {
                        pending.Enqueue((child.Id, childPath));
                    }
                }
            }
        }
    }
}
