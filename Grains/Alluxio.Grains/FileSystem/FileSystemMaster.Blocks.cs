using Alluxio.Grains.Blocks;
using Alluxio.Grains.Exceptions;
using Alluxio.Grains.FileSystem.Mounts;
using Alluxio.Grains.Paths;
using Alluxio.Grains.Security;

namespace Alluxio.Grains.FileSystem;

public sealed partial class FileSystemMaster
{
    /// <summary>
    /// Where a block's bytes are in the UFS, for a worker that misses it. The worker asks the master instead of trusting
    /// a location from the client, so no client can make a worker read an arbitrary UFS path.
    /// </summary>
    /// <exception cref="FileDoesNotExistException">The block belongs to no file (deleted, or replaced by new content).</exception>
    /// <exception cref="FailedPreconditionException">The file is still being written.</exception>
    /// <exception cref="DataLossException">The file was never persisted, so a block not in the cache is gone.</exception>
    public BlockSource ResolveBlockSource(long blockId)
    {
        if (blockId <= 0)
        {
            throw new InvalidArgumentException($"{blockId} is not a block id.");
        }

        if (reader.GetById(BlockId.FileIdOf(blockId)) is not { Inode.IsDirectory: false } found)
        {
            throw new FileDoesNotExistException($"Block {blockId} belongs to no file (it was deleted, or its content was replaced in the UFS).");
        }

        var (file, path) = found;
        var index = BlockId.IndexOf(blockId);
        if (!file.Completed)
        {
            throw new FailedPreconditionException($"Block {blockId} of {path} is not cached and the file is still being written.");
        }

        if (index >= BlockId.Count(file.Length, file.BlockSizeBytes))
        {
            throw new FileDoesNotExistException($"Block {blockId} is past the end of {path} ({file.Length} bytes).");
        }

        if (file.PersistenceState != Protos.Meta.PersistenceState.Persisted)
        {
            throw new DataLossException($"Block {blockId} of {path} is not cached and the file was never persisted ({file.PersistenceState}): its data is lost.");
        }

        var mount = reader.State.GetMount(file.MountId) ?? reader.MountOf(path);
        return new BlockSource(
            blockId,
            mount,
            MountTable.UfsRelativePath(mount, path),
            index * file.BlockSizeBytes,
            BlockId.LengthOf(index, file.Length, file.BlockSizeBytes),
            path);
    }

    /// <summary>
    /// Checks that <paramref name="caller"/> may write the data of <paramref name="path"/> — a file created and not yet
    /// completed, on a writable mount — and returns where it goes in the UFS (THROUGH and CACHE_THROUGH writes).
    /// </summary>
    public (Protos.Meta.MountRecord Mount, string UfsPath, int Mode, long FileId) ResolveUfsWrite(string path, CallerIdentity caller)
    {
        path = AlluxioPath.Normalize(path);
        caller = Caller(caller);
        var resolved = reader.Resolve(path);
        permissions.CheckTraverse(resolved.Ancestors, caller, path);
        var file = resolved.Target ?? throw NotFound(path);
        if (file.IsDirectory)
        {
            throw new InvalidPathException($"Path \"{path}\" is a directory, not a file.");
        }

        permissions.Check(file, AccessBits.Write, caller, path);
        if (file.Completed)
        {
            throw new FailedPreconditionException($"File {path} has already been completed; its data cannot be written again.");
        }

        CheckWritable(resolved.Mount, path);
        return (resolved.Mount, MountTable.UfsRelativePath(resolved.Mount, path), file.Mode, file.Id);
    }
}
