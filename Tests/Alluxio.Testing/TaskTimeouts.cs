namespace Alluxio.Testing;

/// <summary>Waits with a limit, failing with a message that names what was awaited.</summary>
public static class TaskTimeouts
{
    /// <summary>The default limit for things that should happen "soon" in tests.</summary>
    public static readonly TimeSpan Default = TimeSpan.FromSeconds(20);

    /// <summary>Awaits <paramref name="task"/> or fails after <paramref name="timeout"/> naming <paramref name="what"/>.</summary>
    public static async Task Within(this Task task, string what, TimeSpan? timeout = null)
    {
        var limit = timeout ?? Default;
        try
        {
            await task.WaitAsync(limit);
        }
        catch (TimeoutException e) when (!task.IsCompleted)
        {
            throw new TimeoutException($"Timed out after {limit} waiting for {what}.", e);
        }
    }

    /// <summary>Awaits <paramref name="task"/> or fails after <paramref name="timeout"/> naming <paramref name="what"/>.</summary>
    public static async Task<T> Within<T>(this Task<T> task, string what, TimeSpan? timeout = null)
    {
        var limit = timeout ?? Default;
        try
        {
            return await task.WaitAsync(limit);
        }
        catch (TimeoutException e) when (!task.IsCompleted)
        {
            throw new TimeoutException($"Timed out after {limit} waiting for {what}.", e);
        }
    }

    /// <summary>Polls <paramref name="condition"/> (yielding between checks) until it holds or the limit passes.</summary>
    public static async Task Until(Func<bool> condition, string what, TimeSpan? timeout = null)
    {
        var limit = timeout ?? Default;
        var deadline = DateTime.UtcNow + limit;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Timed out after {limit} waiting until {what}.");
            }

            await Task.Yield();
            Thread.Yield();
        }
    }

    /// <summary>Polls an asynchronous <paramref name="condition"/> until it holds or the limit passes.</summary>
    public static async Task UntilAsync(Func<Task<bool>> condition, string what, TimeSpan? timeout = null)
    {
        var limit = timeout ?? Default;
        var deadline = DateTime.UtcNow + limit;
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Timed out after {limit} waiting until {what}.");
            }

            await Task.Yield();
        }
    }
}
