namespace Alluxio.Ufs;

/// <summary>
/// Change notifications for a directory subtree of an under file system (active sync), from
/// <see cref="IUnderFileSystem.Watch"/>. Watching starts when the watcher is returned; changes made before that are
/// not reported.
/// <para>
/// Notifications arrive in batches (changes that happen close together), in the order observed, with duplicates
/// within a batch removed. Delivery is best effort: when notifications are lost, a
/// <see cref="UfsChangeKind.RescanNeeded"/> change says which subtree to re-list, so a consumer that honours it never
/// misses a change. Buffers are bounded: a consumer that falls behind gets a rescan notification rather than
/// unbounded memory use.
/// </para>
/// Thread-safety: one consumer enumerates <see cref="ReadBatchesAsync"/> at a time; <see cref="IAsyncDisposable.DisposeAsync"/>
/// may be called from any thread, ends the enumeration, and is idempotent.
/// </summary>
public interface IUfsChangeWatcher : IAsyncDisposable
{
    /// <summary>The watched directory (mount-relative, normal form).</summary>
    string Path { get; }

    /// <summary>The batches of changes, until the watcher is disposed or <paramref name="cancellationToken"/> fires.</summary>
    IAsyncEnumerable<IReadOnlyList<UfsChange>> ReadBatchesAsync(CancellationToken cancellationToken = default);
}
