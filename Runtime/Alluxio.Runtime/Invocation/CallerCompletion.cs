namespace Alluxio.Runtime.Invocation;

/// <summary>
/// Leaves the activation's context for the duration of a caller's completion. The caller's continuation may run inline
/// (completing a task runs synchronous continuations), so the activation's synchronization context and runtime context
/// are cleared around it: the caller's code must never believe it runs as part of the grain.
/// </summary>
internal readonly struct CallerCompletion : IDisposable
{
    private readonly SynchronizationContext? _sync;
    private readonly IGrainContext? _grain;

    private CallerCompletion(SynchronizationContext? sync, IGrainContext? grain)
    {
        _sync = sync;
        _grain = grain;
    }

    /// <summary>Clears the contexts until the returned value is disposed.</summary>
    public static CallerCompletion Leave()
    {
        var sync = SynchronizationContext.Current;
        if (sync is not null)
        {
            SynchronizationContext.SetSynchronizationContext(null);
        }

        return new CallerCompletion(sync, RuntimeContext.SetCurrent(null));
    }

    public void Dispose()
    {
        if (_sync is not null)
        {
            SynchronizationContext.SetSynchronizationContext(_sync);
        }

        RuntimeContext.SetCurrent(_grain);
    }

    public static void SetResult<T>(TaskCompletionSource<T> source, T result)
    {
        using var _ = Leave();
        source.TrySetResult(result);
    }

    public static void SetException<T>(TaskCompletionSource<T> source, Exception exception)
    {
        using var _ = Leave();
        if (exception is OperationCanceledException oce)
        {
            source.TrySetCanceled(oce.CancellationToken);
        }
        else
        {
            source.TrySetException(exception);
        }
    }
}
