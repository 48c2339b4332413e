using System.Collections.Concurrent;

namespace Alluxio.Metastore.Store;

/// <summary>
/// A bounded cache with two generations: hits in the old generation are promoted to the new one; when the new one
/// reaches half the capacity it becomes the old one and the previous old one is dropped. Approximates LRU with O(1)
/// lock-free reads and no per-entry bookkeeping. Thread-safe for concurrent reads; the metastore serialises writes
/// (<see cref="Set"/>, <see cref="Remove"/>) against reads with its publish lock, so a promotion never resurrects a
/// value a writer just replaced.
/// </summary>
/// <remarks>
/// The size of the young generation is tracked with an interlocked counter of insertions (an upper bound: removals
/// are not subtracted), because <see cref="ConcurrentDictionary{TKey,TValue}.Count"/> takes every lock of the table.
/// </remarks>
internal sealed class GenerationalCache<TKey, TValue>(int capacity)
    where TKey : notnull
{
    private readonly int _generationSize = Math.Max(16, capacity / 2);
    private readonly object _rotate = new();
    private ConcurrentDictionary<TKey, TValue> _young = new();
    private ConcurrentDictionary<TKey, TValue> _old = new();
    private int _youngInsertions;

    /// <summary>Entries held (exact; takes the tables' locks, for diagnostics only).</summary>
    public int Count => _young.Count + _old.Count;

    public bool TryGet(TKey key, out TValue value)
    {
        if (_young.TryGetValue(key, out value!))
        {
            return true;
        }

        if (_old.TryGetValue(key, out value!))
        {
            Add(key, value);
            return true;
        }

        return false;
    }

    /// <summary>Caches a value read from the store (no-op if a newer one is already there).</summary>
    public void Add(TKey key, TValue value)
    {
        if (_young.TryAdd(key, value))
        {
            CountInsertion();
        }
    }

    /// <summary>Replaces the cached value (a committed change).</summary>
    public void Set(TKey key, TValue value)
    {
        _old.TryRemove(key, out _);
        if (_young.TryAdd(key, value))
        {
            CountInsertion();
        }
        else
        {
            _young[key] = value;
        }
    }

    public void Remove(TKey key)
    {
        _young.TryRemove(key, out _);
        _old.TryRemove(key, out _);
    }

    public void Clear()
    {
        lock (_rotate)
        {
            _young = new();
            _old = new();
            _youngInsertions = 0;
        }
    }

    private void CountInsertion()
    {
        if (Interlocked.Increment(ref _youngInsertions) >= _generationSize)
        {
            Rotate();
        }
    }

    private void Rotate()
    {
        lock (_rotate)
        {
            if (Volatile.Read(ref _youngInsertions) < _generationSize)
            {
                return;
            }

            _old = _young;
            _young = new ConcurrentDictionary<TKey, TValue>();
            Volatile.Write(ref _youngInsertions, 0);
        }
    }
}
