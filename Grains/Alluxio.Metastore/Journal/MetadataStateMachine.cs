using Alluxio.Protos.Meta;

namespace Alluxio.Metastore.Journal;

/// <summary>
/// Applies journal entries to the metadata state. Deterministic: the same entry on the same state yields the same
/// changes, so replay after a crash, and (later) every Raft replica, reach the same state. Each entry's preconditions
/// are checked against the state it is applied to (including earlier entries of the same batch); an entry that does
/// not fit throws <see cref="MetadataConflictException"/> and is rolled back by the caller.
/// </summary>
/// <remarks>
/// Invariants kept (and checked): every inode except the root has exactly one edge from its parent, and the parent is
/// a directory; the tree has no cycles; a mount point's subtree is removed only with its mount, and never by deleting
/// an ancestor; an inode's mount id is its nearest mount point's.
/// </remarks>
internal static class MetadataStateMachine
{
    public const long RootId = 1;

    public static void Apply(JournalEntry entry, StateOverlay state)
    {
        switch (entry.EntryCase)
        {
            case JournalEntry.EntryOneofCase.CreateInodes:
                CreateInodes(entry.CreateInodes, state);
                break;
            case JournalEntry.EntryOneofCase.DeleteInode:
                DeleteInode(entry.DeleteInode, state);
                break;
            case JournalEntry.EntryOneofCase.Rename:
                Rename(entry.Rename, state);
                break;
            case JournalEntry.EntryOneofCase.UpdateInodes:
                UpdateInodes(entry.UpdateInodes, state);
                break;
            case JournalEntry.EntryOneofCase.SetAttribute:
                SetAttribute(entry.SetAttribute, state);
                break;
            case JournalEntry.EntryOneofCase.AddMount:
                AddMount(entry.AddMount, state);
                break;
            case JournalEntry.EntryOneofCase.RemoveMount:
                RemoveMount(entry.RemoveMount, state);
                break;
            case JournalEntry.EntryOneofCase.UpdateMount:
                UpdateMount(entry.UpdateMount, state);
                break;
            case JournalEntry.EntryOneofCase.SetPathConfig:
                state.PutPathConfig(entry.SetPathConfig.Config);
                break;
            case JournalEntry.EntryOneofCase.RemovePathConfig:
                state.DeletePathConfig(entry.RemovePathConfig.Path);
                break;
            case JournalEntry.EntryOneofCase.AddSyncPoint:
                state.PutSyncPoint(entry.AddSyncPoint.SyncPoint);
                break;
            case JournalEntry.EntryOneofCase.RemoveSyncPoint:
                state.DeleteSyncPoint(entry.RemoveSyncPoint.Path);
                break;
            case JournalEntry.EntryOneofCase.Composite:
                foreach (var part in entry.Composite.Entries)
                {
                    Apply(part, state);
                }

                break;
            default:
                throw new MetadataConflictException(ConflictKind.InvalidArgument, $"Unknown journal entry kind {entry.EntryCase}.");
        }
    }

    private static void CreateInodes(CreateInodesEntry entry, StateOverlay state)
    {
        var touchedParents = new HashSet<long>();
        foreach (var inode in entry.Inodes)
        {
            if (inode.Id <= RootId)
            {
                throw new MetadataConflictException(ConflictKind.InvalidArgument, $"Inode id {inode.Id} is reserved (the root comes with the root mount).");
            }

            ValidateName(inode.Name, inode.Id);
            if (state.GetInode(inode.Id) is not null)
            {
                throw new MetadataConflictException(ConflictKind.AlreadyExists, $"Inode {inode.Id} exists already.");
            }

            var parent = RequireDirectory(state, inode.ParentId, "parent");
            if (state.GetChildId(inode.ParentId, inode.Name) is not null)
            {
                throw new MetadataConflictException(ConflictKind.AlreadyExists, $"'{inode.Name}' exists already in directory {inode.ParentId}.");
            }

            if (inode.MountId != MountIdOfChildren(parent))
            {
                throw new MetadataConflictException(ConflictKind.InvalidArgument, $"Inode {inode.Id} has mount id {inode.MountId}, its parent's children belong to {MountIdOfChildren(parent)}.");
            }

            state.PutInode(inode);
            state.PutEdge(inode.ParentId, inode.Name, inode.Id);
            state.Effects.Add(new InodeChangedEffect(inode.Id, inode.ParentId));
            touchedParents.Add(inode.ParentId);
        }

        foreach (var parentId in touchedParents)
        {
            TouchDirectory(state, parentId, entry.ModificationTimeMs);
        }
    }

    private static void DeleteInode(DeleteInodeEntry entry, StateOverlay state)
    {
        RequireEdge(state, entry.ParentId, entry.Name, entry.InodeId);
        var inode = state.GetInode(entry.InodeId)!;
        if (inode.MountPoint)
        {
            throw new MetadataConflictException(ConflictKind.FailedPrecondition, $"'{inode.Name}' is a mount point: unmount it instead of deleting it.");
        }

        RemoveSubtree(state, inode, allowRootMountPoint: false);
        TouchDirectory(state, entry.ParentId, entry.ModificationTimeMs);
    }

    private static void Rename(RenameEntry entry, StateOverlay state)
    {
        ValidateName(entry.DestinationName, entry.InodeId);
        RequireEdge(state, entry.SourceParentId, entry.SourceName, entry.InodeId);
        var inode = state.GetInode(entry.InodeId)!;
        var destinationParent = RequireDirectory(state, entry.DestinationParentId, "destination parent");
        if (inode.MountPoint)
        {
            throw new MetadataConflictException(ConflictKind.FailedPrecondition, $"'{inode.Name}' is a mount point and cannot be renamed.");
        }

        if (state.GetChildId(entry.DestinationParentId, entry.DestinationName) is { } existing && existing != entry.InodeId)
        {
            throw new MetadataConflictException(ConflictKind.AlreadyExists, $"'{entry.DestinationName}' exists already in directory {entry.DestinationParentId}.");
        }

        if (MountIdOfChildren(destinationParent) != inode.MountId)
        {
            throw new MetadataConflictException(ConflictKind.InvalidArgument, "A rename cannot cross mount points.");
        }

        for (var ancestor = destinationParent; ; ancestor = state.GetInode(ancestor.ParentId)!)
        {
            if (ancestor.Id == inode.Id)
            {
                throw new MetadataConflictException(ConflictKind.InvalidArgument, $"Cannot move directory {inode.Id} into its own subtree.");
            }

            if (ancestor.Id == RootId)
            {
                break;
            }
        }

        var moved = inode.Clone();
        moved.ParentId = entry.DestinationParentId;
        moved.Name = entry.DestinationName;
        state.DeleteEdge(entry.SourceParentId, entry.SourceName);
        state.PutEdge(entry.DestinationParentId, entry.DestinationName, entry.InodeId);
        state.PutInode(moved);
        state.Effects.Add(new InodeChangedEffect(moved.Id, moved.ParentId));
        TouchDirectory(state, entry.SourceParentId, entry.ModificationTimeMs);
        TouchDirectory(state, entry.DestinationParentId, entry.ModificationTimeMs);
    }

    private static void UpdateInodes(UpdateInodesEntry entry, StateOverlay state)
    {
        foreach (var record in entry.Inodes)
        {
            var current = state.GetInode(record.Id)
                ?? throw new MetadataConflictException(ConflictKind.NotFound, $"Inode {record.Id} does not exist.");
            if (current.ParentId != record.ParentId || current.Name != record.Name || current.IsDirectory != record.IsDirectory
                || current.MountPoint != record.MountPoint || current.MountId != record.MountId)
            {
                throw new MetadataConflictException(ConflictKind.FailedPrecondition,
                    $"Inode {record.Id} moved or changed kind since the update was prepared.");
            }

            state.PutInode(record);
            state.Effects.Add(new InodeChangedEffect(record.Id, record.ParentId));
        }
    }

    private static void SetAttribute(SetAttributeEntry entry, StateOverlay state)
    {
        var root = state.GetInode(entry.InodeId)
            ?? throw new MetadataConflictException(ConflictKind.NotFound, $"Inode {entry.InodeId} does not exist.");
        var pending = new Stack<InodeRecord>();
        pending.Push(root);
        while (pending.Count > 0)
        {
            var inode = pending.Pop();
            var changed = inode.Clone();
            if (entry.HasOwner)
            {
                changed.Owner = entry.Owner;
            }

            if (entry.HasGroup)
            {
                changed.Group = entry.Group;
            }

            if (entry.HasMode)
            {
                changed.Mode = entry.Mode;
            }

            if (entry.HasPinned)
            {
                changed.Pinned = entry.Pinned;
            }

            if (entry.HasTtlMs)
            {
                changed.TtlMs = entry.TtlMs;
                changed.TtlStartMs = entry.OperationTimeMs;
            }

            if (entry.HasTtlAction)
            {
                changed.TtlAction = entry.TtlAction;
            }

            if (entry.HasReplicationMin)
            {
                changed.ReplicationMin = entry.ReplicationMin;
            }

            if (entry.HasReplicationMax)
            {
                changed.ReplicationMax = entry.ReplicationMax;
            }

            if (entry.HasPersistenceState && !changed.IsDirectory)
            {
                changed.PersistenceState = entry.PersistenceState;
            }

            state.PutInode(changed);
            state.Effects.Add(new InodeChangedEffect(changed.Id, changed.ParentId));
            if (entry.Recursive && inode.IsDirectory)
            {
                foreach (var (_, childId) in state.ListChildren(inode.Id))
                {
                    pending.Push(state.GetInode(childId)!);
                }
            }
        }
    }

    private static void AddMount(AddMountEntry entry, StateOverlay state)
    {
        var mount = entry.Mount;
        var point = entry.MountPoint;
        if (state.GetMount(mount.MountId) is not null)
        {
            throw new MetadataConflictException(ConflictKind.AlreadyExists, $"Mount id {mount.MountId} is in use.");
        }

        if (!point.IsDirectory || !point.MountPoint || point.MountId != mount.MountId || point.Id != mount.InodeId)
        {
            throw new MetadataConflictException(ConflictKind.InvalidArgument, "A mount point must be a directory inode carrying the mount's id.");
        }

        if (point.Id == RootId)
        {
            if (state.GetInode(RootId) is not null)
            {
                throw new MetadataConflictException(ConflictKind.AlreadyExists, "The root is mounted already.");
            }

            state.PutInode(point);
        }
        else
        {
            ValidateName(point.Name, point.Id);
            RequireDirectory(state, point.ParentId, "parent of the mount point");
            if (state.GetChildId(point.ParentId, point.Name) is not null)
            {
                throw new MetadataConflictException(ConflictKind.AlreadyExists, $"'{mount.AlluxioPath}' exists already: a mount target must not exist.");
            }

            if (state.GetInode(point.Id) is not null)
            {
                throw new MetadataConflictException(ConflictKind.AlreadyExists, $"Inode {point.Id} exists already.");
            }

            state.PutInode(point);
            state.PutEdge(point.ParentId, point.Name, point.Id);
            state.Effects.Add(new InodeChangedEffect(point.Id, point.ParentId));
        }

        state.PutMount(mount);
    }

    private static void UpdateMount(UpdateMountEntry entry, StateOverlay state)
    {
        var mount = entry.Mount;
        var current = state.GetMount(mount.MountId)
            ?? throw new MetadataConflictException(ConflictKind.NotFound, $"Mount {mount.MountId} does not exist.");
        if (current.AlluxioPath != mount.AlluxioPath || current.UfsUri != mount.UfsUri || current.InodeId != mount.InodeId)
        {
            throw new MetadataConflictException(ConflictKind.InvalidArgument, "An update may change a mount's options, not its path, UFS or mount point.");
        }

        state.PutMount(mount);
    }

    private static void RemoveMount(RemoveMountEntry entry, StateOverlay state)
    {
        var mount = state.GetMount(entry.MountId)
            ?? throw new MetadataConflictException(ConflictKind.NotFound, $"Mount {entry.MountId} does not exist.");
        if (mount.InodeId == RootId)
        {
            throw new MetadataConflictException(ConflictKind.FailedPrecondition, "The root mount cannot be unmounted.");
        }

        RequireEdge(state, entry.ParentId, entry.Name, entry.InodeId);
        var point = state.GetInode(entry.InodeId)!;
        if (!point.MountPoint || point.MountId != entry.MountId)
        {
            throw new MetadataConflictException(ConflictKind.FailedPrecondition, $"Inode {entry.InodeId} is not the mount point of mount {entry.MountId}.");
        }

        RemoveSubtree(state, point, allowRootMountPoint: true);
        state.DeleteMount(entry.MountId);
    }

    /// <summary>Removes an inode, its edge and its whole subtree. Nested mount points make it fail.</summary>
    private static void RemoveSubtree(StateOverlay state, InodeRecord top, bool allowRootMountPoint)
    {
        var pending = new Stack<InodeRecord>();
        pending.Push(top);
        while (pending.Count > 0)
        {
            var inode = pending.Pop();
            if (inode.MountPoint && !(allowRootMountPoint && inode.Id == top.Id))
            {
                throw new MetadataConflictException(ConflictKind.FailedPrecondition,
                    $"'{inode.Name}' below it is a mount point: unmount it first.");
            }

            if (inode.IsDirectory)
            {
                foreach (var (_, childId) in state.ListChildren(inode.Id).ToList())
                {
                    pending.Push(state.GetInode(childId)
                        ?? throw new MetadataConflictException(ConflictKind.FailedPrecondition, $"Edge to missing inode {childId} under {inode.Id}."));
                }
            }
            else
            {
                state.Effects.Add(new FileRemovedEffect(inode));
            }

            state.DeleteEdge(inode.ParentId, inode.Name);
            state.DeleteInode(inode.Id);
            state.Effects.Add(new InodeChangedEffect(inode.Id, inode.ParentId));
        }
    }

    private static void TouchDirectory(StateOverlay state, long directoryId, long timeMs)
    {
        if (timeMs == 0)
        {
            return;
        }

        var directory = state.GetInode(directoryId);
        if (directory is null || directory.LastModificationTimeMs >= timeMs)
        {
            return;
        }

        var touched = directory.Clone();
        touched.LastModificationTimeMs = timeMs;
        state.PutInode(touched);
        state.Effects.Add(new InodeChangedEffect(touched.Id, touched.ParentId));
    }

    private static InodeRecord RequireDirectory(StateOverlay state, long id, string what)
    {
        var inode = state.GetInode(id)
            ?? throw new MetadataConflictException(ConflictKind.NotFound, $"The {what} (inode {id}) does not exist.");
        if (!inode.IsDirectory)
        {
            throw new MetadataConflictException(ConflictKind.FailedPrecondition, $"The {what} '{inode.Name}' is not a directory.");
        }

        return inode;
    }

    private static void RequireEdge(StateOverlay state, long parentId, string name, long inodeId)
    {
        var child = state.GetChildId(parentId, name);
        if (child != inodeId || state.GetInode(inodeId) is null)
        {
            throw new MetadataConflictException(ConflictKind.NotFound, $"'{name}' (inode {inodeId}) is no longer in directory {parentId}.");
        }
    }

    /// <summary>The mount id a directory's children carry: its own mount if it is a mount point.</summary>
    private static long MountIdOfChildren(InodeRecord directory) => directory.MountId;

    private static void ValidateName(string name, long id)
    {
        if (name.Length == 0 || name == "." || name == ".." || name.Contains('/') || name.Contains('\0'))
        {
            throw new MetadataConflictException(ConflictKind.InvalidArgument, $"'{name}' is not a valid name (inode {id}).");
        }
    }
}
