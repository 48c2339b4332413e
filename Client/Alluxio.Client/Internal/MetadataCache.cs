using System.Collections.Concurrent;
using Alluxio.Grains.Exceptions;
using Alluxio.Grains.FileSystem;
using Alluxio.Grains.Paths;

namespace Alluxio.Client.Internal;

/// <summary>
/// The client's optional metadata cache (Alluxio's <c>alluxio.user.metadata.cache.*</c>): statuses this client read,
/// by normalized path, each used until it expires, at most <c>maxSize</c> of them (when full, expired entries go first,
/// then the oldest). Invariant: after one of this client's own mutations returns (or fails), no status of a path it may
/// have changed (create, complete, delete, rename, setAttribute, mount, unmount, persist, free, load) is served from
/// the cache: the mutation drops the path (its subtree for deletes, renames, mounts and
/// recursive changes) and its parent both before it is sent and after it answered, so a read racing with the
/// mutation cannot leave the old status behind. Other clients' changes are seen once the entry expires.
/// </summary>
internal sealed class MetadataCache(int maxSize, TimeSpan expiration, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private long _generation;

    private long Now => (long)time.GetElapsedTime(0, time.GetTimestamp()).TotalMilliseconds;

    /// <summary>How many statuses are held (expired ones included until they are swept).</summary>
    public int Count => _entries.Count;

    /// <summary>The cached, unexpired status of <paramref name="path"/>, or null.</summary>
    public FileStatus? TryGet(string path)
    {
        if (Key(path) is not { } key || !_entries.TryGetValue(key, out var entry))
        {
            return null;
        }

        if (Now < entry.ExpiresAt)
        {
            return entry.Status;
        }

        _entries.TryRemove(KeyValuePair.Create(key, entry));
        return null;
    }

    /// <summary>
    /// Keeps <paramref name="status"/>, read by a call that started at <paramref name="generation"/>, unless a
    /// mutation invalidated anything since (then the status may predate it and is not kept).
    /// </summary>
    public void Put(string path, FileStatus status, long generation)
    {
        if (Key(path) is not { } key || Interlocked.Read(ref _generation) != generation)
        {
            return;
        }

        if (_entries.Count >= maxSize)
        {
            Shrink();
        }

        _entries[key] = new Entry(status, Now + (long)expiration.TotalMilliseconds, Now);
    }

    /// <summary>The generation a read must note before it asks the master (see <see cref="Put"/>).</summary>
    public long Generation => Interlocked.Read(ref _generation);

    /// <summary>Drops <paramref name="path"/>, its parent and, with <paramref name="tree"/>, everything under it.</summary>
    public void Invalidate(string path, bool tree)
    {
        Interlocked.Increment(ref _generation);
        if (Key(path) is not { } key)
        {
            _entries.Clear(); // Not a path this cache could hold: drop all rather than guess.
            return;
        }

        _entries.TryRemove(key, out _);
        if (AlluxioPath.Parent(key) is { } parent)
        {
            _entries.TryRemove(parent, out _);
        }

        if (tree)
        {
            var prefix = key == AlluxioPath.Root ? key : key + "/";
            foreach (var cached in _entries.Keys)
            {
                if (cached.StartsWith(prefix, StringComparison.Ordinal))
                {
                    _entries.TryRemove(cached, out _);
                }
            }
        }
    }

    private void Shrink()
    {
        var now = Now;
        foreach (var (key, entry) in _entries)
        {
            if (entry.ExpiresAt <= now)
            {
                _entries.TryRemove(key, out _);
            }
        }

        var excess = _entries.Count - (maxSize * 9 / 10);
        if (excess > 0)
        {
            foreach (var (key, _) in _entries.OrderBy(e => e.Value.Added).Take(excess))
            {
                _entries.TryRemove(key, out _);
            }
        }
    }

    private static string? Key(string path)
    {
        try
        {
            return AlluxioPath.Normalize(path);
        }
        catch (InvalidPathException)
        {
            return null;
        }
    }

    private sealed record Entry(FileStatus Status, long ExpiresAt, long Added);

    /// <summary>Invalidates a path when created and again when disposed (around one mutation); no-op without a cache.</summary>
    public readonly struct Invalidation : IDisposable
    {
        private readonly MetadataCache? _cache;
        private readonly string _path;
        private readonly bool _tree;

        public Invalidation(MetadataCache? cache, string path, bool tree)
        {
            _cache = cache;
            _path = path;
            _tree = tree;
            cache?.Invalidate(path, tree);
        }

        public void Dispose() => _cache?.Invalidate(_path, _tree);
    }
}
