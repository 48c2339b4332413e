namespace Alluxio.Metastore.Locks;

/// <summary>
/// Asynchronous read/write locks on inodes and edges for namespace mutations, which hold them across their UFS side
/// effect and their journal commit so that no other mutation invalidates what they checked. Readers of metadata take
/// no locks (the committed state is consistent by itself).
/// </summary>
/// <remarks>
/// Deadlock freedom: an operation asks for all its locks at once; they are sorted by <see cref="LockKey"/> and taken
/// in that order; duplicates merge (write wins). Fairness: a waiting writer blocks later readers (no writer
/// starvation). Lock order: <c>_gate</c> is a leaf; waiters are completed after it is released.
/// </remarks>
public sealed class MetadataLockManager
{
    private readonly object _gate = new();
    private readonly Dictionary<LockKey, Entry> _entries = [];

    /// <summary>Locks held or awaited right now (diagnostics).</summary>
    public int ActiveLockCount
    {
        get
        {
            lock (_gate)
            {
                return _entries.Count;
            }
        }
    }

    /// <summary>Takes every lock in <paramref name="requests"/>; dispose the result to release them.</summary>
    public async ValueTask<LockSet> AcquireAsync(IEnumerable<LockRequest> requests, CancellationToken cancellationToken)
    {
        var ordered = requests
            .GroupBy(r => r.Key)
            .Select(g => new LockRequest(g.Key, g.Any(r => r.Mode == LockMode.Write) ? LockMode.Write : LockMode.Read))
            .OrderBy(r => r.Key)
            .ToArray();
        var held = new List<LockRequest>(ordered.Length);
        try
        {
            foreach (var request in ordered)
            {
                await AcquireOne(request, cancellationToken);
                held.Add(request);
            }
        }
        catch
        {
            Release(held);
            throw;
        }

        return new LockSet(this, held);
    }

    private Task AcquireOne(LockRequest request, CancellationToken cancellationToken)
    {
        TaskCompletionSource waiter;
        lock (_gate)
        {
            if (!_entries.TryGetValue(request.Key, out var entry))
            {
                entry = new Entry();
                _entries[request.Key] = entry;
            }

            if (entry.Waiters.Count == 0 && CanGrant(entry, request.Mode))
            {
                Grant(entry, request.Mode);
                return Task.CompletedTask;
            }

            waiter = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            entry.Waiters.AddLast((request.Mode, waiter));
        }

        if (!cancellationToken.CanBeCanceled)
        {
            return waiter.Task;
        }

        return WaitCancellable(request, waiter, cancellationToken);
    }

    private async Task WaitCancellable(LockRequest request, TaskCompletionSource waiter, CancellationToken cancellationToken)
    {
        using (cancellationToken.UnsafeRegister(static s =>
        {
            var (self, key, tcs) = ((MetadataLockManager, LockKey, TaskCompletionSource))s!;
            self.Abandon(key, tcs);
        }, (this, request.Key, waiter)))
        {
            await waiter.Task;
        }
    }

    private void Abandon(LockKey key, TaskCompletionSource waiter)
    {
        List<TaskCompletionSource> granted;
        lock (_gate)
        {
            if (!_entries.TryGetValue(key, out var entry))
            {
                return;
            }

            var node = entry.Waiters.First;
            while (node is not null && node.Value.Waiter != waiter)
            {
                node = node.Next;
            }

            if (node is null)
            {
                // Granted already; the caller's acquisition loop releases it.
                return;
            }

            entry.Waiters.Remove(node);
            granted = GrantWaiters(key, entry);
        }

        waiter.TrySetCanceled();
        foreach (var g in granted)
        {
            g.TrySetResult();
        }
    }

    internal void Release(IReadOnlyList<LockRequest> held)
    {
        var granted = new List<TaskCompletionSource>();
        lock (_gate)
        {
            foreach (var request in held)
            {
                var entry = _entries[request.Key];
                if (request.Mode == LockMode.Write)
                {
                    entry.Writer = false;
                }
                else
                {
                    entry.Readers--;
                }

                granted.AddRange(GrantWaiters(request.Key, entry));
            }
        }

        foreach (var waiter in granted)
        {
            waiter.TrySetResult();
        }
    }

    // Under _gate.
    private List<TaskCompletionSource> GrantWaiters(LockKey key, Entry entry)
    {
        var granted = new List<TaskCompletionSource>();
        while (entry.Waiters.First is { } first && CanGrant(entry, first.Value.Mode))
        {
            entry.Waiters.RemoveFirst();
            Grant(entry, first.Value.Mode);
            granted.Add(first.Value.Waiter);
        }

        if (!entry.Writer && entry.Readers == 0 && entry.Waiters.Count == 0)
        {
            _entries.Remove(key);
        }

        return granted;
    }

    private static bool CanGrant(Entry entry, LockMode mode) =>
        mode == LockMode.Read ? !entry.Writer : !entry.Writer && entry.Readers == 0;

    private static void Grant(Entry entry, LockMode mode)
    {
        if (mode == LockMode.Write)
        {
            entry.Writer = true;
        }
        else
        {
            entry.Readers++;
        }
    }

    private sealed class Entry
    {
        public int Readers;
        public bool Writer;
        public readonly LinkedList<(LockMode Mode, TaskCompletionSource Waiter)> Waiters = new();
    }
}
