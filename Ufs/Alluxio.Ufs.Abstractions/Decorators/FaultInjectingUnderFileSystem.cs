using System.Runtime.CompilerServices;

namespace Alluxio.Ufs;

/// <summary>
/// A test decorator that counts calls per <see cref="UfsOperation"/> and makes chosen ones fail or slow down, to
/// test retries, timeouts and a dead UFS. Rules (<see cref="UfsFaultRule"/>) are checked in the order installed
/// before the inner call; every rule that fires adds its latency, and the first firing rule with an exception decides
/// the failure (the inner connector is then not called). Stream operations (<see cref="UfsOperation.Write"/>,
/// <see cref="UfsOperation.Commit"/>, <see cref="UfsOperation.Read"/>) are checked on the streams it returns; a
/// failed write or commit aborts the write as any failure would.
/// <para>
/// Deterministic: probabilities are drawn from a <see cref="Random"/> seeded at construction, and delays use the
/// given <see cref="TimeProvider"/> (a fake clock in tests). Latency applies to asynchronous calls only
/// (synchronous stream calls and <see cref="Watch"/> only fail). Thread-safe: rules, counts and the random source
/// are guarded by one lock; delays and inner calls run outside it.
/// </para>
/// </summary>
public sealed class FaultInjectingUnderFileSystem : DelegatingUnderFileSystem
{
    private readonly Lock _lock = new();
    private readonly List<UfsFault> _faults = [];
    private readonly int[] _calls = new int[Enum.GetValues<UfsOperation>().Length];
    private readonly Random _random;
    private readonly TimeProvider _time;

    /// <summary>Wraps <paramref name="inner"/>; <paramref name="seed"/> fixes the sequence of probabilistic faults.</summary>
    public FaultInjectingUnderFileSystem(IUnderFileSystem inner, int seed = 0, TimeProvider? timeProvider = null, bool ownsInner = true)
        : base(inner, ownsInner)
    {
        _random = new Random(seed);
        _time = timeProvider ?? TimeProvider.System;
    }

    /// <summary>Installs <paramref name="rule"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Negative times or latency, or a probability outside 0..1.</exception>
    public UfsFault Inject(UfsFaultRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        var fault = new UfsFault(this, rule);
        lock (_lock)
        {
            _faults.Add(fault);
        }

        return fault;
    }

    /// <summary>Makes the next <paramref name="times"/> matching calls of <paramref name="operation"/> fail (then they succeed again).</summary>
    /// <param name="operation">The operation to fail.</param>
    /// <param name="times">How many calls fail.</param>
    /// <param name="exception">Builds each exception; default <see cref="UfsUnavailableException"/> naming the operation and path.</param>
    /// <param name="pathFilter">Restricts the failures to accepted paths.</param>
    public UfsFault Fail(UfsOperation operation, int times = 1, Func<Exception>? exception = null, Func<string, bool>? pathFilter = null) =>
        Inject(new UfsFaultRule { Operation = operation, Times = times, PathFilter = pathFilter, Exception = Wrap(exception) });

    /// <summary>Makes every matching call of <paramref name="operation"/> (null: of every operation) fail until removed.</summary>
    public UfsFault FailAlways(UfsOperation? operation, Func<Exception>? exception = null, Func<string, bool>? pathFilter = null) =>
        Inject(new UfsFaultRule { Operation = operation, PathFilter = pathFilter, Exception = Wrap(exception) });

    /// <summary>Makes each matching call of <paramref name="operation"/> (null: of every operation) fail with <paramref name="probability"/>.</summary>
    public UfsFault FailRandomly(UfsOperation? operation, double probability, Func<Exception>? exception = null, Func<string, bool>? pathFilter = null) =>
        Inject(new UfsFaultRule { Operation = operation, Probability = probability, PathFilter = pathFilter, Exception = Wrap(exception) });

    /// <summary>Delays every matching asynchronous call of <paramref name="operation"/> (null: of every operation) by <paramref name="latency"/>.</summary>
    public UfsFault Delay(UfsOperation? operation, TimeSpan latency, Func<string, bool>? pathFilter = null) =>
        Inject(new UfsFaultRule { Operation = operation, Latency = latency, PathFilter = pathFilter });

    /// <summary>Simulates a dead UFS: every call fails with <see cref="UfsUnavailableException"/> until the returned fault is removed.</summary>
    public UfsFault MakeUnavailable() => FailAlways(null);

    /// <summary>Removes every installed rule.</summary>
    public void ClearFaults()
    {
        lock (_lock)
        {
            _faults.Clear();
        }
    }

    /// <summary>How many calls of <paramref name="operation"/> were made (failed and delayed ones included) since construction or <see cref="ResetCallCounts"/>.</summary>
    public int GetCallCount(UfsOperation operation) => Volatile.Read(ref _calls[(int)operation]);

    /// <summary>Sets every call count back to zero.</summary>
    public void ResetCallCounts()
    {
        for (var i = 0; i < _calls.Length; i++)
        {
            Interlocked.Exchange(ref _calls[i], 0);
        }
    }

    /// <inheritdoc/>
    public override async Task<UfsStatus?> GetStatusAsync(string path, CancellationToken cancellationToken = default)
    {
        await BeforeAsync(UfsOperation.GetStatus, path, null, cancellationToken).ConfigureAwait(false);
        return await Inner.GetStatusAsync(path, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public override async IAsyncEnumerable<UfsStatus> ListAsync(string path, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await BeforeAsync(UfsOperation.List, path, null, cancellationToken).ConfigureAwait(false);
        await foreach (var status in Inner.ListAsync(path, cancellationToken).ConfigureAwait(false))
        {
            yield return status;
        }
    }

    /// <inheritdoc/>
    public override async Task<bool> CreateDirectoryAsync(
        string path, UfsCreateDirectoryOptions? options = null, CancellationToken cancellationToken = default)
    {
        await BeforeAsync(UfsOperation.CreateDirectory, path, null, cancellationToken).ConfigureAwait(false);
        return await Inner.CreateDirectoryAsync(path, options, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public override async Task<UfsOutputStream> CreateFileAsync(
        string path, UfsCreateFileOptions? options = null, CancellationToken cancellationToken = default)
    {
        await BeforeAsync(UfsOperation.CreateFile, path, null, cancellationToken).ConfigureAwait(false);
        var inner = await Inner.CreateFileAsync(path, options, cancellationToken).ConfigureAwait(false);
        return new FaultInjectingOutputStream(this, inner);
    }

    /// <inheritdoc/>
    public override async Task<Stream> OpenAsync(string path, long offset = 0, CancellationToken cancellationToken = default)
    {
        await BeforeAsync(UfsOperation.Open, path, null, cancellationToken).ConfigureAwait(false);
        var inner = await Inner.OpenAsync(path, offset, cancellationToken).ConfigureAwait(false);
        return new FaultInjectingReadStream(this, inner, Normal(path));
    }

    /// <inheritdoc/>
    public override async Task<bool> DeleteFileAsync(string path, CancellationToken cancellationToken = default)
    {
        await BeforeAsync(UfsOperation.DeleteFile, path, null, cancellationToken).ConfigureAwait(false);
        return await Inner.DeleteFileAsync(path, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public override async Task<bool> DeleteDirectoryAsync(string path, bool recursive, CancellationToken cancellationToken = default)
    {
        await BeforeAsync(UfsOperation.DeleteDirectory, path, null, cancellationToken).ConfigureAwait(false);
        return await Inner.DeleteDirectoryAsync(path, recursive, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public override async Task<bool> RenameAsync(string source, string destination, CancellationToken cancellationToken = default)
    {
        await BeforeAsync(UfsOperation.Rename, source, destination, cancellationToken).ConfigureAwait(false);
        return await Inner.RenameAsync(source, destination, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public override async Task SetOwnerAsync(string path, string? owner, string? group, CancellationToken cancellationToken = default)
    {
        await BeforeAsync(UfsOperation.SetOwner, path, null, cancellationToken).ConfigureAwait(false);
        await Inner.SetOwnerAsync(path, owner, group, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public override async Task SetModeAsync(string path, int mode, CancellationToken cancellationToken = default)
    {
        await BeforeAsync(UfsOperation.SetMode, path, null, cancellationToken).ConfigureAwait(false);
        await Inner.SetModeAsync(path, mode, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public override async Task<UfsSpace> GetSpaceAsync(CancellationToken cancellationToken = default)
    {
        await BeforeAsync(UfsOperation.GetSpace, UfsPath.Root, null, cancellationToken).ConfigureAwait(false);
        return await Inner.GetSpaceAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public override IUfsChangeWatcher? Watch(string path)
    {
        var (_, failure) = Decide(UfsOperation.Watch, path, null);
        return failure is null ? Inner.Watch(path) : throw failure;
    }

    /// <summary>Counts the call, applies latency, throws the injected failure if any.</summary>
    internal async Task BeforeAsync(UfsOperation operation, string path, string? otherPath, CancellationToken cancellationToken)
    {
        var (delay, failure) = Decide(operation, path, otherPath);
        if (delay > TimeSpan.Zero)
        {
            await Task.Delay(delay, _time, cancellationToken).ConfigureAwait(false);
        }

        if (failure is not null)
        {
            throw failure;
        }
    }

    /// <summary>Counts the call and throws the injected failure if any (synchronous stream calls; no latency).</summary>
    internal void Before(UfsOperation operation, string path)
    {
        var (_, failure) = Decide(operation, path, null);
        if (failure is not null)
        {
            throw failure;
        }
    }

    internal bool Contains(UfsFault fault)
    {
        lock (_lock)
        {
            return _faults.Contains(fault);
        }
    }

    internal void Remove(UfsFault fault)
    {
        lock (_lock)
        {
            _faults.Remove(fault);
        }
    }

    private (TimeSpan Delay, Exception? Failure) Decide(UfsOperation operation, string path, string? otherPath)
    {
        Interlocked.Increment(ref _calls[(int)operation]);
        var normal = Normal(path);
        var otherNormal = otherPath is null ? null : Normal(otherPath);
        var delay = TimeSpan.Zero;
        Exception? failure = null;
        lock (_lock)
        {
            foreach (var fault in _faults)
            {
                var rule = fault.Rule;
                if ((rule.Operation is { } op && op != operation) ||
                    (rule.PathFilter is { } filter && !filter(normal) && (otherNormal is null || !filter(otherNormal))) ||
                    !fault.TryFire(_random))
                {
                    continue;
                }

                delay += rule.Latency;
                failure ??= rule.Exception?.Invoke(operation, normal);
            }
        }

        return (delay, failure);
    }

    // Filters see normalized paths; an invalid path is shown as given (the inner connector will reject it).
    private static string Normal(string path) => UfsPath.TryNormalize(path, out var normal) ? normal : path;

    private Func<UfsOperation, string, Exception> Wrap(Func<Exception>? exception) =>
        exception is null
            ? (operation, path) => new UfsUnavailableException($"Injected fault: {operation} of '{path}' in {Root} failed.") { Path = path }
            : (_, _) => exception();
}
