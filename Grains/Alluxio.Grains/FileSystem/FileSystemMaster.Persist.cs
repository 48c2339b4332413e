using Alluxio.Grains.Blocks;
using Alluxio.Grains.Exceptions;
using Alluxio.Grains.FileSystem.Mounts;
using Alluxio.Grains.Paths;
using Alluxio.Grains.Persistence;
using Alluxio.Grains.Security;
using Alluxio.Metastore.Locks;
using Alluxio.Protos.Meta;

namespace Alluxio.Grains.FileSystem;

public sealed partial class FileSystemMaster
{
    /// <summary>The waiting persists (for <c>alluxio fsadmin report persist</c>).</summary>
    public PersistQueue PersistQueue => persistQueue;

    /// <summary>The files waiting to be persisted, with their paths (files deleted meanwhile are left out).</summary>
    public IReadOnlyList<PendingPersistInfo> ListPendingPersists() =>
        [.. persistQueue.Snapshot()
            .Select(p => (Pending: p, Found: reader.GetById(p.FileId)))
            .Where(p => p.Found is not null)
            .Select(p => new PendingPersistInfo(p.Found!.Value.Path, p.Pending.FileId, p.Pending.Attempts, p.Pending.NextAttempt, p.Pending.LastError))];

    /// <summary>What persisting <paramref name="fileId"/> takes now; <see langword="null"/> when it needs nothing (gone, not TO_BE_PERSISTED).</summary>
    public PersistTarget? GetPersistTarget(long fileId)
    {
        if (reader.GetById(fileId) is not { Inode: { IsDirectory: false, Completed: true } file } found
            || file.PersistenceState != Protos.Meta.PersistenceState.ToBePersisted)
        {
            return null;
        }

        var mount = reader.State.GetMount(file.MountId) ?? reader.MountOf(found.Path);
        return new PersistTarget(file.Id, found.Path, mount, MountTable.UfsRelativePath(mount, found.Path), file.Mode, file.Length, BlockId.ForFile(file.Id, file.Length, file.BlockSizeBytes), file.Pinned);
    }

    /// <summary>
    /// Marks a file PERSISTED once its bytes are committed in the UFS at <paramref name="target"/>'s path. Returns
    /// <see langword="false"/> — and changes nothing — when the file was renamed, deleted or changed meanwhile (the
    /// UFS file just written is then not the file's, and the caller removes it).
    /// </summary>
    public async Task<bool> CompletePersistAsync(PersistTarget target, string fingerprint)
    {
        using var held = await locks.AcquireAsync([LockRequest.WriteInode(target.FileId)], CancellationToken.None);
        if (reader.GetById(target.FileId) is not { } found || found.Path != target.Path
            || found.Inode.PersistenceState != Protos.Meta.PersistenceState.ToBePersisted || found.Inode.Length != target.Length)
        {
            return false;
        }

        var persisted = found.Inode.Clone();
        persisted.PersistenceState = Protos.Meta.PersistenceState.Persisted;
        persisted.UfsFingerprint = fingerprint;
        persisted.PersistError = "";
        try
        {
            await CommitAsync(new JournalEntry { UpdateInodes = new UpdateInodesEntry { Inodes = { persisted } } });
        }
        catch (FailedPreconditionException)
        {
            return false; // renamed between the check and the commit: the committer refused the stale record
        }

        return true;
    }

    /// <summary>Records why a persist failed, visible in the file's status (the file stays TO_BE_PERSISTED and is retried).</summary>
    public Task RecordPersistFailureAsync(long fileId, string reason) =>
        UpdateUnpersistedAsync(fileId, file => file.PersistenceState == Protos.Meta.PersistenceState.ToBePersisted && file.PersistError != reason, file => file.PersistError = reason);

    /// <summary>Marks a file whose only copy is gone (its blocks left the cache before it was persisted) LOST, with the reason.</summary>
    public Task MarkLostAsync(long fileId, string reason) =>
        UpdateUnpersistedAsync(
            fileId,
            file => file.PersistenceState is Protos.Meta.PersistenceState.NotPersisted or Protos.Meta.PersistenceState.ToBePersisted,
            file =>
            {
                file.PersistenceState = Protos.Meta.PersistenceState.Lost;
                file.PersistError = reason;
            });

    /// <summary>
    /// <c>alluxio fs persist</c>: a NOT_PERSISTED file becomes TO_BE_PERSISTED; a TO_BE_PERSISTED one (for instance
    /// after failures) is retried now; a PERSISTED one needs nothing.
    /// </summary>
    public async Task<FileStatus> SchedulePersistAsync(string path, CallerIdentity caller)
    {
        path = AlluxioPath.Normalize(path);
        caller = Caller(caller);
        var resolved = reader.Resolve(path);
        permissions.CheckTraverse(resolved.Ancestors, caller, path);
        var file = resolved.Target ?? throw NotFound(path);
        if (file.IsDirectory)
        {
            throw new InvalidPathException($"Path \"{path}\" is a directory; persist its files.");
        }

        permissions.Check(file, AccessBits.Write, caller, path);
        CheckWritable(resolved.Mount, path);
        if (!file.Completed)
        {
            throw new FailedPreconditionException($"File {path} is still being written.");
        }

        switch (file.PersistenceState)
        {
            case Protos.Meta.PersistenceState.Lost:
                throw new DataLossException($"File {path} is LOST ({file.PersistError}): there is nothing left to persist.");
            case Protos.Meta.PersistenceState.NotPersisted:
                using (await locks.AcquireAsync([LockRequest.WriteInode(file.Id)], CancellationToken.None))
                {
                    file = reader.State.GetInode(file.Id) ?? throw NotFound(path);
                    if (file.PersistenceState == Protos.Meta.PersistenceState.NotPersisted)
                    {
                        var scheduled = file.Clone();
                        scheduled.PersistenceState = Protos.Meta.PersistenceState.ToBePersisted;
                        await CommitAsync(new JournalEntry { UpdateInodes = new UpdateInodesEntry { Inodes = { scheduled } } });
                        file = scheduled;
                    }
                }

                break;
        }

        if (file.PersistenceState == Protos.Meta.PersistenceState.ToBePersisted)
        {
            persistQueue.Enqueue(file.Id, TimeSpan.Zero);
        }

        return Status(file, path);
    }

    private async Task UpdateUnpersistedAsync(long fileId, Func<InodeRecord, bool> applies, Action<InodeRecord> change)
    {
        using var held = await locks.AcquireAsync([LockRequest.WriteInode(fileId)], CancellationToken.None);
        if (reader.State.GetInode(fileId) is not { IsDirectory: false } file || !applies(file))
        {
            return;
        }

        var updated = file.Clone();
        change(updated);
        await CommitAsync(new JournalEntry { UpdateInodes = new UpdateInodesEntry { Inodes = { updated } } });
    }
}
