using System.Runtime.CompilerServices;
using Alluxio.Grains.Exceptions;
using Alluxio.Grains.Paths;
using Alluxio.Grains.Security;
using Alluxio.Protos.Meta;

namespace Alluxio.Grains.FileSystem;

/// <summary>Reads: getStatus, exists, listStatus, checkAccess.</summary>
public sealed partial class FileSystemMaster
{
    public async Task<FileStatus> GetStatusAsync(string path, SyncOptions options, CallerIdentity caller)
    {
        path = AlluxioPath.Normalize(path);
        caller = Caller(caller);
        await EnsureLoadedAsync(path, options, listing: false);
        var resolved = reader.Resolve(path);
        permissions.CheckTraverse(resolved.Ancestors, caller, path);
        var target = resolved.Target ?? throw NotFound(path);
        return statuses.Build(target, path, resolved.Mount);
    }

    public async Task<bool> ExistsAsync(string path, SyncOptions options, CallerIdentity caller)
    {
        path = AlluxioPath.Normalize(path);
        caller = Caller(caller);
        await EnsureLoadedAsync(path, options, listing: false);
        var resolved = reader.Resolve(path);
        permissions.CheckTraverse(resolved.Ancestors, caller, path);
        return resolved.Exists;
    }

    public async Task CheckAccessAsync(string path, AccessBits bits, CallerIdentity caller)
    {
        path = AlluxioPath.Normalize(path);
        caller = Caller(caller);
        await EnsureLoadedAsync(path, SyncOptions.Default, listing: false);
        var resolved = reader.Resolve(path);
        permissions.CheckTraverse(resolved.Ancestors, caller, path);
        permissions.Check(resolved.Target ?? throw NotFound(path), bits, caller, path);
    }

    private bool NeedsListingSync(InodeRecord directory, string path, SyncOptions? sync) =>
        MaxAgeFor(path, sync) is { } maxAge
        && (directory.MountPoint || directory.PersistenceState == Protos.Meta.PersistenceState.Persisted)
        && (maxAge != long.MaxValue || !directory.DirectChildrenLoaded);

    /// <summary>
    /// Streams a directory's entries page by page (each page read under one read lock; entries created or removed
    /// during the listing may or may not appear, none appears twice). Recursive listings walk breadth-first and keep
    /// only the pending directories in memory.
    /// </summary>
    public async IAsyncEnumerable<FileStatus> ListStatusAsync(string path, ListStatusOptions options, CallerIdentity caller, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        path = AlluxioPath.Normalize(path);
        caller = Caller(caller);
        await EnsureLoadedAsync(path, options.Sync, listing: true);
        var resolved = reader.Resolve(path);
        permissions.CheckTraverse(resolved.Ancestors, caller, path);
        var target = resolved.Target ?? throw NotFound(path);
        if (!target.IsDirectory)
        {
            if (!options.LoadMetadataOnly)
            {
                yield return statuses.Build(target, path, resolved.Mount);
            }

            yield break;
        }

        var pending = new Queue<(InodeRecord Directory, string Path)>();
        pending.Enqueue((target, path));
        var first = true;
        while (pending.TryDequeue(out var current))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!first)
            {
                await EnsureLoadedAsync(current.Path, options.Sync, listing: true);
            }

            first = false;
            permissions.Check(current.Directory, AccessBits.Read | AccessBits.Execute, caller, current.Path);
            foreach (var page in reader.ChildPages(current.Directory.Id, _options.ListingBatchSize))
            {
                foreach (var child in page)
                {
                    if (!options.LoadMetadataOnly)
                    {
                        yield return ChildStatus(child, current.Path);
                    }

                    if (options.Recursive && child.IsDirectory)
                    {
                        var childPath = AlluxioPath.Join(current.Path, child.Name);
                        pending.Enqueue((child, childPath));
                        if (pending.Count <= _options.SyncPrefetch && NeedsListingSync(child, childPath, options.Sync))
                        {
                            syncer.Prefetch(child.Id, childPath);
                        }
                    }
                }
            }
        }
    }
}
