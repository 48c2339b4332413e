namespace Alluxio.Runtime.Invocation;

/// <summary>
/// Completes a caller's task from inside an activation's turn. The caller's continuation may run inline, so the
/// activation's synchronization context and runtime context are cleared around it: the caller's code must never
/// believe it runs as part of the grain.
/// </summary>
internal static class CallerCompletion
{
    public static void SetResult<T>(TaskCompletionSource<T> source, T result)
    {
        var (sync, grain) = Leave();
        try
        {
            source.TrySetResult(result);
        }
        finally
        {
            Return(sync, grain);
        }
    }

    public static void SetException<T>(TaskCompletionSource<T> source, Exception exception)
    {
        var (sync, grain) = Leave();
        try
        {
            if (exception is OperationCanceledException oce)
            {
                source.TrySetCanceled(oce.CancellationToken);
            }
            else
            {
                source.TrySetException(exception);
            }
        }
        finally
        {
            Return(sync, grain);
        }
    }

    private static (SynchronizationContext? Sync, IGrainContext? Grain) Leave()
    {
        var sync = SynchronizationContext.Current;
        if (sync is not null)
        {
            SynchronizationContext.SetSynchronizationContext(null);
        }

        return (sync, RuntimeContext.SetCurrent(null));
    }

    private static void Return(SynchronizationContext? sync, IGrainContext? grain)
    {
        if (sync is not null)
        {
            SynchronizationContext.SetSynchronizationContext(sync);
        }

        RuntimeContext.SetCurrent(grain);
    }
}
